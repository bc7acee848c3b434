package org.laymanlabs.sandbox.net;

/**
 * A change the kernel refused. {@code ip} prints it as {@code RTNETLINK answers: <errno text>},
 * or, when the kernel sent an extended ack, as {@code Error: <detail>.}
 */
public final class NetlinkException extends RuntimeException {

    private final Errno errno;
    private final String extendedAck;

    public NetlinkException(Errno errno) {
        this(errno, null);
    }

    public NetlinkException(Errno errno, String extendedAck) {
        super(extendedAck != null ? extendedAck : errno.message());
        this.errno = errno;
        this.extendedAck = extendedAck;
    }

    public Errno errno() {
        return errno;
    }

    /** What iproute2 prints for this error. */
    public String iprouteMessage() {
        return extendedAck != null ? "Error: " + extendedAck + "." : "RTNETLINK answers: " + errno.message();
    }
}
