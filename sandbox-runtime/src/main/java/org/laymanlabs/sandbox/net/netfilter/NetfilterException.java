package org.laymanlabs.sandbox.net.netfilter;

/** A change the kernel refused, with the errno it would have returned. The ruleset is unchanged. */
public final class NetfilterException extends RuntimeException {

    private final Errno errno;
    private final String object;

    /** {@code object} names what was refused, as iptables-nft names it: "chain X", "rule in chain X". */
    public NetfilterException(Errno errno, String object) {
        super(errno + ": " + object);
        this.errno = errno;
        this.object = object;
    }

    public String object() {
        return object;
    }

    public Errno errno() {
        return errno;
    }
}
