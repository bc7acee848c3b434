package org.laymanlabs.sandbox.net.netfilter;

import java.util.Objects;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * The parts of an IPv4 packet's headers that netfilter reads and NAT rewrites. Ports are 0 for
 * ICMP. {@code tcpSyn} marks a TCP segment with SYN set and ACK, RST and FIN clear (what
 * {@code --syn} matches).
 */
public record PacketHeader(Protocol protocol, Ipv4Address source, int sourcePort,
                           Ipv4Address destination, int destinationPort, boolean tcpSyn) {

    public PacketHeader {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }

    public static PacketHeader tcp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(Protocol.TCP, Ipv4Address.parse(source), sourcePort,
                Ipv4Address.parse(destination), destinationPort, true);
    }

    public static PacketHeader udp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(Protocol.UDP, Ipv4Address.parse(source), sourcePort,
                Ipv4Address.parse(destination), destinationPort, false);
    }

    public PacketHeader withSource(Ipv4Address address, int port) {
        return new PacketHeader(protocol, address, port, destination, destinationPort, tcpSyn);
    }

    public PacketHeader withDestination(Ipv4Address address, int port) {
        return new PacketHeader(protocol, source, sourcePort, address, port, tcpSyn);
    }

    /** The same segment without SYN: the rest of a TCP connection after its first packet. */
    public PacketHeader withoutSyn() {
        return new PacketHeader(protocol, source, sourcePort, destination, destinationPort, false);
    }

    /** The header of a reply: addresses and ports swapped. */
    public PacketHeader reply() {
        return new PacketHeader(protocol, destination, destinationPort, source, sourcePort, false);
    }

    Tuple tuple() {
        return new Tuple(protocol, source, sourcePort, destination, destinationPort);
    }
}
