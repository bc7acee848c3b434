package org.laymanlabs.sandbox.image.build;

/**
 * Why a build stopped, as the classic builder reports it in its output stream: the message the CLI
 * prints and the status it exits with (a failed RUN's own code, else 1).
 */
public final class BuildFailure extends RuntimeException {

    private final int exitCode;

    private BuildFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static BuildFailure of(String message) {
        return new BuildFailure(message, 1);
    }

    /** dispatchers.go dispatchRun: "The command '%s' returned a non-zero code: %d". */
    static BuildFailure nonZero(String command, int code) {
        return new BuildFailure("The command '" + command + "' returned a non-zero code: " + code, code);
    }

    public int exitCode() {
        return exitCode;
    }
}
