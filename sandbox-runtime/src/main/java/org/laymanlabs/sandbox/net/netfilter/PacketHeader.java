package org.laymanlabs.sandbox.net.netfilter;

import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * The parts of an IPv4 packet's headers that netfilter reads and NAT rewrites. Ports are 0 for
 * ICMP errors; an ICMP echo carries its id in both. {@code tcpSyn} marks a TCP segment with SYN
 * set and ACK, RST and FIN clear (what {@code --syn} matches); {@code tcpRst} a reset.
 * {@code icmpError} is the body of an ICMP error, with the header it quotes.
 */
public record PacketHeader(Protocol protocol, Ipv4Address source, int sourcePort,
                           Ipv4Address destination, int destinationPort, boolean tcpSyn,
                           boolean tcpRst, Optional<IcmpError> icmpError) {

    /** Bytes of an ICMP error before what it quotes: its IP header and its ICMP header. */
    public static final int ICMP_ERROR_OVERHEAD = 28;

    /** icmp_send quotes no more of the offending packet than keeps the error within 576 bytes. */
    private static final int ICMP_ERROR_MAX = 576;

    public PacketHeader {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(icmpError, "icmpError");
    }

    public PacketHeader(Protocol protocol, Ipv4Address source, int sourcePort,
                        Ipv4Address destination, int destinationPort, boolean tcpSyn) {
        this(protocol, source, sourcePort, destination, destinationPort, tcpSyn, false, Optional.empty());
    }

    public static PacketHeader tcp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(Protocol.TCP, Ipv4Address.parse(source), sourcePort,
                Ipv4Address.parse(destination), destinationPort, true);
    }

    public static PacketHeader udp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(Protocol.UDP, Ipv4Address.parse(source), sourcePort,
                Ipv4Address.parse(destination), destinationPort, false);
    }

    /** An ICMP error from {@code from} to the sender of {@code offending}, quoting its header. */
    public static PacketHeader icmpError(Ipv4Address from, IcmpType type, PacketHeader offending) {
        return new PacketHeader(Protocol.ICMP, from, 0, offending.source(), 0, false, false,
                Optional.of(new IcmpError(type, offending)));
    }

    /** The length on the wire of an ICMP error about a packet of {@code offendingLength} bytes. */
    public static int icmpErrorLength(int offendingLength) {
        return Math.min(ICMP_ERROR_MAX, ICMP_ERROR_OVERHEAD + offendingLength);
    }

    /** The TCP reset that answers this segment (tcp_v4_send_reset, nf_send_reset): a reply with RST set. */
    public PacketHeader reset() {
        return new PacketHeader(protocol, destination, destinationPort, source, sourcePort, false, true, Optional.empty());
    }

    /**
     * Whether this is an ICMP error or a reset. The kernel never answers one of those with
     * another (icmp_send and tcp_v4_send_reset both refuse), which is what stops error storms.
     */
    public boolean isError() {
        return tcpRst || icmpError.isPresent();
    }

    public PacketHeader withSource(Ipv4Address address, int port) {
        return new PacketHeader(protocol, address, port, destination, destinationPort, tcpSyn, tcpRst, icmpError);
    }

    public PacketHeader withDestination(Ipv4Address address, int port) {
        return new PacketHeader(protocol, source, sourcePort, address, port, tcpSyn, tcpRst, icmpError);
    }

    /** The same ICMP error quoting a rewritten header: NAT of an error rewrites both. */
    public PacketHeader withQuoted(PacketHeader quoted) {
        return new PacketHeader(protocol, source, sourcePort, destination, destinationPort, tcpSyn, tcpRst,
                icmpError.map(e -> e.withQuoted(quoted)));
    }

    /** The same segment without SYN: the rest of a TCP connection after its first packet. */
    public PacketHeader withoutSyn() {
        return new PacketHeader(protocol, source, sourcePort, destination, destinationPort, false, tcpRst, icmpError);
    }

    /** The header of a reply: addresses and ports swapped. */
    public PacketHeader reply() {
        return new PacketHeader(protocol, destination, destinationPort, source, sourcePort, false);
    }

    Tuple tuple() {
        return new Tuple(protocol, source, sourcePort, destination, destinationPort);
    }
}
