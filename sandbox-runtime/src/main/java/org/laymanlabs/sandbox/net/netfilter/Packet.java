package org.laymanlabs.sandbox.net.netfilter;

import java.util.Objects;
import java.util.Set;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * A packet as netfilter sees it at a hook: the headers, the metadata the kernel keeps beside
 * them in the skb (interfaces, mark, conntrack entry and state) and what {@code addrtype} and
 * {@code MASQUERADE} need to know about the namespace. Immutable; NAT and MARK return a copy.
 *
 * @param inInterface      the device it arrived on, or "" for a locally generated packet
 * @param outInterface     the device routing chose, or "" before routing (PREROUTING, INPUT)
 * @param outAddress       the primary address of {@code outInterface}, which MASQUERADE uses; may be null
 * @param localAddresses   every address assigned in the namespace: {@code addrtype LOCAL}
 * @param length           bytes on the wire, for the byte counters
 * @param conntrack        the connection this packet belongs to once conntrack has seen it, else null
 * @param replyDirection   whether it travels the connection's reply way
 * @param related          whether it is not of the connection but about it: an ICMP error, or a REJECT's reset
 */
public record Packet(PacketHeader header, String inInterface, String outInterface, Ipv4Address outAddress,
                     int mark, Set<Ipv4Address> localAddresses, int length,
                     ConntrackEntry conntrack, boolean replyDirection, boolean related) {

    /** Bytes in a TCP SYN without options (20 IP + 40 TCP with the usual options). */
    public static final int DEFAULT_LENGTH = 60;

    public Packet {
        Objects.requireNonNull(header, "header");
        inInterface = Objects.requireNonNullElse(inInterface, "");
        outInterface = Objects.requireNonNullElse(outInterface, "");
        localAddresses = Set.copyOf(localAddresses);
    }

    public static Packet of(PacketHeader header) {
        return new Packet(header, "", "", null, 0, Set.of(), DEFAULT_LENGTH, null, false, false);
    }

    public Packet arrivingOn(String device) {
        return new Packet(header, device, outInterface, outAddress, mark, localAddresses, length, conntrack, replyDirection, related);
    }

    public Packet leavingOn(String device, Ipv4Address deviceAddress) {
        return new Packet(header, inInterface, device, deviceAddress, mark, localAddresses, length, conntrack, replyDirection, related);
    }

    public Packet withLocalAddresses(Set<Ipv4Address> addresses) {
        return new Packet(header, inInterface, outInterface, outAddress, mark, addresses, length, conntrack, replyDirection, related);
    }

    public Packet withLength(int bytes) {
        return new Packet(header, inInterface, outInterface, outAddress, mark, localAddresses, bytes, conntrack, replyDirection, related);
    }

    public Packet withMark(int newMark) {
        return new Packet(header, inInterface, outInterface, outAddress, newMark, localAddresses, length, conntrack, replyDirection, related);
    }

    public Packet withHeader(PacketHeader newHeader) {
        return new Packet(newHeader, inInterface, outInterface, outAddress, mark, localAddresses, length, conntrack, replyDirection, related);
    }

    Packet withConntrack(ConntrackEntry entry, boolean reply) {
        return new Packet(header, inInterface, outInterface, outAddress, mark, localAddresses, length, entry, reply, false);
    }

    Packet relatedTo(ConntrackEntry entry, boolean reply) {
        return new Packet(header, inInterface, outInterface, outAddress, mark, localAddresses, length, entry, reply, true);
    }

    /**
     * The state {@code --ctstate} matches (enum ip_conntrack_info): NEW until a reply has been
     * seen, ESTABLISHED after that and for every reply, RELATED for an error about the
     * connection; INVALID without a connection (before conntrack saw it, as in the raw table, or
     * an ICMP error about no connection it knows).
     */
    public CtState ctState() {
        if (conntrack == null) {
            return CtState.INVALID;
        }
        if (related) {
            return CtState.RELATED;
        }
        return replyDirection || conntrack.seenReply() ? CtState.ESTABLISHED : CtState.NEW;
    }
}
