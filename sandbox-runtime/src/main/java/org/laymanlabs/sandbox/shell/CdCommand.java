package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** bash's {@code cd}: into a workspace directory; no argument means home. */
final class CdCommand implements Command {

    @Override
    public String name() {
        return "cd";
    }

    @Override
    public String usage() {
        return "cd [dir]";
    }

    @Override
    public String summary() {
        return "Change the working directory (home if none is given).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        if (invocation.args().size() > 1) {
            return CommandResult.error("bash: cd: too many arguments\n", 1);
        }
        String typed = invocation.args().isEmpty() ? "~" : invocation.args().get(0);
        String path = invocation.shell().resolve(typed);
        if (!invocation.shell().files().exists(path)) {
            return CommandResult.error("bash: cd: " + typed + ": No such file or directory\n", 1);
        }
        if (!invocation.shell().files().isDirectory(path)) {
            return CommandResult.error("bash: cd: " + typed + ": Not a directory\n", 1);
        }
        invocation.shell().changeDirectory(path);
        return CommandResult.ok("");
    }
}
