package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/** coreutils {@code mkdir [-p]}. */
final class MkdirCommand implements Command {

    @Override
    public String name() {
        return "mkdir";
    }

    @Override
    public String usage() {
        return "mkdir [-p] DIRECTORY...";
    }

    @Override
    public String summary() {
        return "Make directories (-p: with their parents, and no error if they exist).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        boolean parents = invocation.args().contains("-p");
        List<String> dirs = new ArrayList<>(invocation.args());
        dirs.remove("-p");
        if (dirs.isEmpty()) {
            return CommandResult.error("mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1);
        }
        StringBuilder err = new StringBuilder();
        for (String dir : dirs) {
            try {
                invocation.shell().files().mkdir(invocation.shell().resolve(dir), parents);
            } catch (FileSystemException e) {
                err.append("mkdir: cannot create directory '").append(dir).append("': ").append(e.reason().text()).append('\n');
            }
        }
        return new CommandResult("", err.toString(), err.isEmpty() ? 0 : 1);
    }
}
