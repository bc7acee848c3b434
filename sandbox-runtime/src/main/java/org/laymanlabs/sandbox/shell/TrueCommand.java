package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** {@code true}, {@code :} and {@code false}: do nothing, successfully or not. */
final class TrueCommand implements Command {

    private final boolean success;
    private final String name;

    TrueCommand(boolean success) {
        this(success, success ? "true" : "false");
    }

    /** {@code :}, the POSIX null command, as in {@code while :; do …; done}. */
    static TrueCommand colon() {
        return new TrueCommand(true, ":");
    }

    private TrueCommand(boolean success, String name) {
        this.success = success;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
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
