package org.laymanlabs.sandbox.net.netfilter;

/** A change the kernel refused, with the errno it would have returned. The ruleset is unchanged. */
public final class NetfilterException extends RuntimeException {

    private final Errno errno;

    public NetfilterException(Errno errno, String detail) {
        super(errno + ": " + detail);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
