package org.laymanlabs.sandbox.shell.coreutils;

import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/** coreutils {@code touch}: creates empty files that do not exist yet. */
final class TouchCommand implements Command {

    @Override
    public String name() {
        return "touch";
    }

    @Override
    public String usage() {
        return "touch FILE...";
    }

    @Override
    public String summary() {
        return "Create empty files.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        if (invocation.args().isEmpty()) {
            return CommandResult.error("touch: missing file operand\nTry 'touch --help' for more information.\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String file : invocation.args()) {
            String path = invocation.shell().resolve(file);
            try {
                if (!invocation.shell().files().exists(path)) {
                    invocation.shell().files().write(path, "");
                }
            } catch (FileSystemException e) {
                err.append("touch: cannot touch '").append(file).append("': ").append(e.reason().text()).append('\n');
            }
        }
        return new CommandResult("", err.toString(), err.isEmpty() ? 0 : 1);
    }
}
