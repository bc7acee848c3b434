package org.laymanlabs.sandbox.net.dns;

import java.time.Duration;
import org.laymanlabs.sandbox.net.ipv4.DatagramExchange;

/** What a client got when it asked one server one question. */
public sealed interface DnsReply {

    /** The transport a message came by, as dig's {@code ;; SERVER:} line names it. */
    enum Transport { UDP, TCP }

    /**
     * A response, after {@code took} on the clock. {@code truncatedOverUdp} says that the UDP
     * answer came with TC set and this is the answer to the same question asked again over TCP.
     */
    record Answered(Message message, Transport transport, Duration took, boolean truncatedOverUdp,
            DatagramExchange firstExchange) implements DnsReply { }

    /**
     * An ICMP port unreachable, or a TCP reset: nothing listens on the server's port 53.
     * {@code local} is the client socket's address and port, which error messages quote.
     */
    record Refused(String errno, String local) implements DnsReply { }

    /** No route to the server: the send itself failed. */
    record Unreachable(String errno) implements DnsReply { }

    /** Nothing came back within the timeout, which the clock has moved past. */
    record TimedOut(String reason, String local) implements DnsReply { }

    /** Something came back that is not a DNS response to this query. */
    record Malformed(String reason) implements DnsReply { }
}
