package org.laymanlabs.sandbox.net.curl;

/** A curl error with its exit code and message, printed as {@code curl: (N) message} (or as given for usage errors). */
final class CurlFailure extends RuntimeException {

    private final int exitCode;
    private final boolean usage;

    private CurlFailure(int exitCode, String message, boolean usage) {
        super(message);
        this.exitCode = exitCode;
        this.usage = usage;
    }

    static CurlFailure of(int exitCode, String message) {
        return new CurlFailure(exitCode, message, false);
    }

    /** A command-line problem: curl names it and points at --help, with exit code 2. */
    static CurlFailure usage(String message) {
        return new CurlFailure(2, message, true);
    }

    int exitCode() {
        return exitCode;
    }

    String render() {
        String hint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
        if (usage) {
            return (getMessage().isEmpty() ? "" : "curl: " + getMessage() + "\n") + hint;
        }
        return "curl: (" + exitCode + ") " + getMessage() + "\n";
    }
}
