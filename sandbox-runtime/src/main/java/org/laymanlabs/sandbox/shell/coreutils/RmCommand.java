package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/** coreutils {@code rm [-rf]}. */
final class RmCommand implements Command {

    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String usage() {
        return "rm [-rf] FILE...";
    }

    @Override
    public String summary() {
        return "Remove files (-r: directories and what is in them; -f: no error for missing files).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean recursive = false;
        boolean force = false;
        List<String> files = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.matches("-[rRf]+")) {
                recursive |= arg.contains("r") || arg.contains("R");
                force |= arg.contains("f");
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty() && !force) {
            return CommandResult.error("rm: missing operand\nTry 'rm --help' for more information.\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String file : files) {
            try {
                invocation.shell().files().remove(invocation.shell().resolve(file), recursive);
            } catch (FileSystemException e) {
                if (!(force && e.reason() == FileSystemException.Reason.NO_SUCH_FILE)) {
                    err.append("rm: cannot remove '").append(file).append("': ").append(e.reason().text()).append('\n');
                }
            }
        }
        return new CommandResult("", err.toString(), err.isEmpty() ? 0 : 1);
    }
}
