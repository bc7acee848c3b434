package org.laymanlabs.sandbox.net.iproute;

/** A request {@code ip} refuses, with its message and exit status as iproute2 6.1 gives them. */
final class IpException extends RuntimeException {

    static final int USAGE = 255;

    private final int exitCode;

    IpException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static IpException garbage(String keyword, String word) {
        return new IpException("Error: either \"" + keyword + "\" is duplicate, or \"" + word + "\" is a garbage.", USAGE);
    }

    static IpException noDevice(String name) {
        return new IpException("Cannot find device \"" + name + "\"", 1);
    }

    static IpException badPrefix(String word) {
        return new IpException("Error: any valid prefix is expected rather than \"" + word + "\".", 1);
    }
}
