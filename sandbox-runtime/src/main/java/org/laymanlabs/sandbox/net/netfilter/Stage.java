package org.laymanlabs.sandbox.net.netfilter;

import java.util.List;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * One function registered at a hook, with its priority (include/uapi/linux/netfilter_ipv4.h,
 * enum nf_ip_hook_priorities): a table, conntrack's lookup, NAT, or conntrack's confirmation.
 */
sealed interface Stage {

    int priority();

    HookResult run(Netfilter netfilter, Hook hook, Packet packet, List<TraceEntry> trace);

    /** raw, mangle and filter: walk the table, nothing more. */
    record Filter(TableName table, int priority) implements Stage {
        @Override
        public HookResult run(Netfilter netfilter, Hook hook, Packet packet, List<TraceEntry> trace) {
            Traversal.Result result = new Traversal(netfilter, netfilter.table(table), packet, trace).run(hook);
            return new HookResult(result.verdict(), result.packet(), List.of());
        }
    }

    /** NF_IP_PRI_CONNTRACK (-200): look the packet up in the conntrack table. */
    record ConntrackIn() implements Stage {
        @Override
        public int priority() {
            return -200;
        }

        @Override
        public HookResult run(Netfilter netfilter, Hook hook, Packet packet, List<TraceEntry> trace) {
            Packet attached = packet.conntrack() != null ? packet : netfilter.conntrack().attach(packet, netfilter.clock().now());
            return new HookResult(Verdict.ACCEPT, attached, List.of());
        }
    }

    /** NF_IP_PRI_CONNTRACK_CONFIRM (INT_MAX): the first packet made it; the connection is real. */
    record Confirm() implements Stage {
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public HookResult run(Netfilter netfilter, Hook hook, Packet packet, List<TraceEntry> trace) {
            // A related packet never confirms a connection (__nf_conntrack_confirm refuses).
            if (packet.conntrack() != null && !packet.related()) {
                netfilter.conntrack().confirm(packet.conntrack());
            }
            return new HookResult(Verdict.ACCEPT, packet, List.of());
        }
    }

    /**
     * nf_nat_inet_fn(): the nat table is consulted only for a connection's first packet in each
     * manip direction; every packet, replies included, then gets the connection's binding applied,
     * which is how replies are un-NATed.
     */
    record Nat(int priority) implements Stage {
        @Override
        public HookResult run(Netfilter netfilter, Hook hook, Packet packet, List<TraceEntry> trace) {
            ConntrackEntry entry = packet.conntrack();
            if (entry == null) {
                return new HookResult(Verdict.ACCEPT, packet, List.of());
            }
            boolean destination = hook.rewritesDestination();
            if (packet.related() && packet.header().icmpError().isPresent()) {
                return new HookResult(Verdict.ACCEPT, translateError(entry, packet, destination), List.of());
            }
            Packet current = packet;
            if (!entry.natDone(destination)) {
                // The first packet decides; without a matching rule the binding is the identity (a null binding).
                entry.markNatDone(destination);
                if (netfilter.isPresent(TableName.NAT)) {
                    Traversal.Result result = new Traversal(netfilter, netfilter.table(TableName.NAT), packet, trace).run(hook);
                    current = result.packet();
                    if (!(result.verdict() instanceof Verdict.Accept)) {
                        return new HookResult(result.verdict(), current, List.of());
                    }
                    if (result.nat() != null && !bind(entry, result.nat(), current)) {
                        return new HookResult(Verdict.DROP, current, List.of());
                    }
                }
            }
            return new HookResult(Verdict.ACCEPT, manip(entry, current, destination), List.of());
        }

        /** Rewrites the connection's reply tuple so that replies come back to the NATed address. */
        private static boolean bind(ConntrackEntry entry, Target nat, Packet packet) {
            Tuple reply = entry.reply();
            if (nat instanceof DnatTarget dnat) {
                int port = dnat.port() == 0 ? reply.sourcePort() : dnat.port();
                entry.rewriteReply(reply.withSource(dnat.address(), port));
            } else if (nat instanceof SnatTarget snat) {
                int port = snat.port() == 0 ? reply.destinationPort() : snat.port();
                entry.rewriteReply(reply.withDestination(snat.address(), port));
            } else if (nat instanceof MasqueradeTarget masquerade) {
                Ipv4Address address = packet.outAddress();
                if (address == null) {
                    return false;
                }
                int port = masquerade.toPorts() == null ? reply.destinationPort() : masquerade.toPorts().min();
                entry.rewriteReply(reply.withDestination(address, port));
            }
            return true;
        }

        /**
         * nf_nat_icmp_reply_translation(): an ICMP error about a NATed connection is rewritten so
         * that the quoted packet looks as its sender sent it (the opposite manip, on the inner
         * header) and the error as a reply to it (this hook's manip, on the outer header). Only
         * when the connection has the NAT this direction needs; the nat table is never consulted.
         */
        private static Packet translateError(ConntrackEntry entry, Packet packet, boolean destination) {
            if (!entry.natted(destination != packet.replyDirection())) {
                return packet;
            }
            Tuple other = packet.replyDirection() ? entry.original() : entry.reply();
            PacketHeader outer = packet.header();
            PacketHeader inner = outer.icmpError().orElseThrow().quoted();
            inner = destination ? inner.withSource(other.source(), other.sourcePort())
                    : inner.withDestination(other.destination(), other.destinationPort());
            Tuple target = other.inverse();
            outer = destination ? outer.withDestination(target.destination(), 0) : outer.withSource(target.source(), 0);
            return packet.withHeader(outer.withQuoted(inner));
        }

        /** The packet must look like the inverse of the other direction's tuple: change dst or src to match. */
        private static Packet manip(ConntrackEntry entry, Packet packet, boolean destination) {
            Tuple wanted = packet.replyDirection() ? entry.original().inverse() : entry.reply().inverse();
            PacketHeader header = packet.header();
            return packet.withHeader(destination
                    ? header.withDestination(wanted.destination(), wanted.destinationPort())
                    : header.withSource(wanted.source(), wanted.sourcePort()));
        }
    }
}
