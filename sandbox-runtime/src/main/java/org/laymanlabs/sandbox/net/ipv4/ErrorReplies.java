package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.IcmpType;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.netfilter.RejectTarget;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

/**
 * Mirrors net/ipv4/icmp.c icmp_send(), tcp_v4_send_reset() and net/ipv4/netfilter/nf_reject_ipv4.c:
 * the kernel where a packet stops answers its sender with a packet of its own, an ICMP error that
 * quotes the offending header or a TCP reset. The answer is sent from that namespace like any
 * locally generated packet, through OUTPUT and every hop's rules on its way back.
 */
final class ErrorReplies {

    private static final int RESET_LENGTH = 40;

    private final Ipv4Stack stack;

    ErrorReplies(Ipv4Stack stack) {
        this.stack = stack;
    }

    /** A REJECT rule's answer: the ICMP error it names, or a reset for {@code --reject-with tcp-reset}. */
    Outcome reject(NetworkNamespace ns, Skb offending, RejectTarget.Type with, PacketTrace trace) {
        return IcmpType.rejectedWith(with)
                .map(type -> icmp(ns, offending, type, Duration.ZERO, trace))
                .orElseGet(() -> reset(ns, offending, true, trace));
    }

    /**
     * icmp_send(): the error comes from the offending packet's destination when that is this
     * namespace's own address, else from the address routing picks towards the sender.
     */
    Outcome icmp(NetworkNamespace ns, Skb offending, IcmpType type, Duration after, PacketTrace trace) {
        PacketHeader bad = offending.header();
        if (bad.isError()) {
            return silence(ns, "no ICMP error is sent about an ICMP error or a reset", trace);
        }
        Ipv4Address from = ns.isLocal(bad.destination()) ? bad.destination()
                : stack.sourceFor(ns, bad.source()).orElse(Ipv4Address.ANY);
        Skb error = new Skb(PacketHeader.icmpError(from, type, bad), PacketHeader.icmpErrorLength(offending.length()));
        error.relateTo(offending);
        return answer(ns, error, after, trace);
    }

    /**
     * A reset for a TCP segment: from a REJECT (nf_send_reset, which attaches the connection, so
     * the reset is RELATED) or for a port nobody listens on (tcp_v4_send_reset, tracked afresh).
     */
    Outcome reset(NetworkNamespace ns, Skb offending, boolean fromReject, PacketTrace trace) {
        PacketHeader bad = offending.header();
        if (bad.protocol() != Protocol.TCP || bad.isError()) {
            return silence(ns, "no reset is sent for " + (bad.protocol() == Protocol.TCP ? "a reset" : "a non-TCP packet"),
                    trace);
        }
        Skb reset = new Skb(bad.reset(), RESET_LENGTH);
        if (fromReject) {
            reset.relateTo(offending);
        }
        return answer(ns, reset, Duration.ZERO, trace);
    }

    private Outcome answer(NetworkNamespace ns, Skb answer, Duration after, PacketTrace trace) {
        trace.record(new TraceEvent.ErrorSent(ns.name(), answer.header()));
        PacketTrace path = new PacketTrace();
        Outcome back = stack.output(ns, answer, path);
        return new Outcome.Errored(ns, after, path, back);
    }

    private static Outcome silence(NetworkNamespace ns, String reason, PacketTrace trace) {
        trace.record(new TraceEvent.Dropped(ns.name(), reason));
        return new Outcome.Lost(ns, reason);
    }
}
