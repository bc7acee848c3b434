package org.laymanlabs.sandbox.net.trace;

import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;

/**
 * Prints a packet's journey for a learner: one line per step, the namespace first, and under
 * each netfilter hook the rules that matched, with their chain, number and text.
 */
public final class TracePrinter {

    private TracePrinter() {
    }

    public static String print(String title, PacketTrace trace) {
        StringBuilder out = new StringBuilder(title).append('\n');
        int width = trace.events().stream()
                .mapToInt(e -> e.namespace().length())
                .max().orElse(0);
        for (TraceEvent event : trace.events()) {
            out.append("  ").append(pad(event.namespace(), width)).append("  ").append(describe(event)).append('\n');
            if (event instanceof TraceEvent.Hooked hooked) {
                for (TraceEvent.RuleHit hit : hooked.rules()) {
                    out.append("  ").append(" ".repeat(width)).append("      ").append(hit.table()).append(' ')
                            .append(hit.chain())
                            .append(hit.ruleNumber() > 0 ? " #" + hit.ruleNumber() + ": " + hit.ruleText() : " policy")
                            .append("  => ").append(hit.target()).append('\n');
                }
            }
        }
        return out.toString();
    }

    static String describe(TraceEvent event) {
        if (event instanceof TraceEvent.Sent sent) {
            return "sent " + packet(sent.packet());
        }
        if (event instanceof TraceEvent.Routed routed) {
            return routed.local() ? "route: " + routed.route() + " (for this namespace)"
                    : "route: " + routed.route() + "  => out " + routed.outDevice() + ", next hop " + routed.nextHop();
        }
        if (event instanceof TraceEvent.Hooked hooked) {
            String state = hooked.conntrack().isEmpty() ? "" : " [conntrack: " + hooked.conntrack() + "]";
            return pad(hooked.hook().name(), 11) + " " + (hooked.rules().isEmpty() && hooked.verdict().equals("ACCEPT")
                    ? "ACCEPT (no rule matched)" : hooked.verdict()) + state;
        }
        if (event instanceof TraceEvent.Rewritten rewritten) {
            return rewritten.kind() + ": " + packet(rewritten.before()) + "  =>  " + packet(rewritten.after());
        }
        if (event instanceof TraceEvent.Crossed crossed) {
            return "leaves by " + crossed.outDevice() + ", arrives in " + crossed.toNamespace() + " on " + crossed.inDevice();
        }
        if (event instanceof TraceEvent.Encapsulated wrapped) {
            return "VXLAN " + wrapped.device() + " (VNI " + wrapped.vni() + ") wraps it in " + packet(wrapped.outer());
        }
        if (event instanceof TraceEvent.Decapsulated unwrapped) {
            return "VXLAN " + unwrapped.device() + " (VNI " + unwrapped.vni() + ") unwraps the inner packet";
        }
        if (event instanceof TraceEvent.Bridged bridged) {
            return "bridge " + bridged.bridge() + " switches it from port " + bridged.inPort() + " to " + bridged.outPort();
        }
        if (event instanceof TraceEvent.ErrorSent answered) {
            return "the kernel answers with " + packet(answered.answer());
        }
        if (event instanceof TraceEvent.Delivered delivered) {
            return "delivered to " + delivered.socket();
        }
        return "dropped: " + ((TraceEvent.Dropped) event).reason();
    }

    /**
     * {@code tcp 10.0.0.1:41234 -> 10.0.0.2:80 [SYN]}; an ICMP error names its type and the
     * packet it quotes: {@code icmp 10.0.0.2 -> 10.0.0.1 port-unreachable for udp 10.0.0.1:5353 -> 10.0.0.2:53}.
     */
    public static String packet(PacketHeader h) {
        boolean ports = h.protocol() != Protocol.ICMP;
        String from = h.source() + (ports ? ":" + h.sourcePort() : "");
        String to = h.destination() + (ports ? ":" + h.destinationPort() : "");
        String flags = h.tcpSyn() ? " [SYN]" : h.tcpRst() ? " [RST]" : "";
        String error = h.icmpError().map(e -> " " + e.type().keyword() + " for " + packet(e.quoted())).orElse("");
        return h.protocol().keyword() + " " + from + " -> " + to + flags + error;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
