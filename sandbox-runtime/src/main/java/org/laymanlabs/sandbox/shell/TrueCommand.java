package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** {@code true} and {@code false}: do nothing, successfully or not. */
final class TrueCommand implements Command {

    private final boolean success;

    TrueCommand(boolean success) {
        this.success = success;
    }

    @Override
    public String name() {
        return success ? "true" : "false";
    }

    @Override
    public String usage() {
        return name();
    }

    @Override
    public String summary() {
        return success ? "Do nothing, successfully." : "Do nothing, unsuccessfully.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        return success ? CommandResult.ok("") : CommandResult.error("", 1);
    }
}
