package org.laymanlabs.sandbox.net.trace;

import java.util.List;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;

/**
 * One step of a packet's journey, in the order it happened. The tracer prints these; the map in
 * the browser draws them; the grader checks them.
 */
public sealed interface TraceEvent {

    /** The namespace the step happened in (for a crossing, the one the packet left). */
    String namespace();

    /** A process in this namespace sent the packet. */
    record Sent(String namespace, PacketHeader packet) implements TraceEvent { }

    /** The routing decision: which route matched, the device out and the next hop. */
    record Routed(String namespace, String route, String outDevice, String nextHop, boolean local)
            implements TraceEvent { }

    /**
     * The packet passed a netfilter hook; {@code rules} are the rules that matched, in order, and
     * {@code conntrack} the state conntrack gave it there (NEW, ESTABLISHED), or "" where nothing tracks it.
     */
    record Hooked(String namespace, Hook hook, List<RuleHit> rules, String verdict, String conntrack)
            implements TraceEvent { }

    /** A NAT rule rewrote the packet. */
    record Rewritten(String namespace, String kind, PacketHeader before, PacketHeader after) implements TraceEvent { }

    /** The packet left through a device and arrived on another (a veth pair, a LAN, loopback). */
    record Crossed(String namespace, String outDevice, String toNamespace, String inDevice) implements TraceEvent { }

    /** A VXLAN device wrapped the packet in a UDP packet to the node behind the next hop (the overlay). */
    record Encapsulated(String namespace, String device, int vni, PacketHeader outer) implements TraceEvent { }

    /** The remote node's VXLAN device took the UDP packet and let the inner packet out. */
    record Decapsulated(String namespace, String device, int vni) implements TraceEvent { }

    /** A bridge switched the frame from one port to another without routing it. */
    record Bridged(String namespace, String bridge, String inPort, String outPort) implements TraceEvent { }

    /** A socket took the packet. */
    record Delivered(String namespace, String socket) implements TraceEvent { }

    /** The kernel here answered the packet's sender with an ICMP error or a TCP reset, which travels back on its own. */
    record ErrorSent(String namespace, PacketHeader answer) implements TraceEvent { }

    /** The packet went no further. */
    record Dropped(String namespace, String reason) implements TraceEvent { }

    /** One rule that matched: where it is, its text as iptables -S prints it, and what it did. */
    record RuleHit(String table, String chain, int ruleNumber, String ruleText, String target) { }
}
