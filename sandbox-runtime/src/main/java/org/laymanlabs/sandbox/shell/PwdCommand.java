package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** bash's {@code pwd}. */
final class PwdCommand implements Command {

    @Override
    public String name() {
        return "pwd";
    }

    @Override
    public String usage() {
        return "pwd";
    }

    @Override
    public String summary() {
        return "Print the working directory.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        return CommandResult.ok(invocation.shell().cwd() + "\n");
    }
}
