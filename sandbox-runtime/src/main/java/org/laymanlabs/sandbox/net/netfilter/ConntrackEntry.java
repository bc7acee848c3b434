package org.laymanlabs.sandbox.net.netfilter;

import java.time.Duration;
import java.time.Instant;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * One tracked connection (struct nf_conn): its original tuple, its reply tuple (which NAT
 * rewrites on the first packet), whether a reply was seen, and when it expires.
 * Timeouts are the kernel defaults of nf_conntrack_proto_{tcp,udp,icmp}.c.
 */
public final class ConntrackEntry {

    /** nf_conntrack_udp_packet: a flow with replies becomes a stream only when still active two seconds on. */
    private static final Duration UDP_STREAM_DELAY = Duration.ofSeconds(2);

    /** The TCP states this model passes through (enum tcp_conntrack). */
    enum TcpState { SYN_SENT, SYN_RECV, ESTABLISHED }

    private final Tuple original;
    private Tuple reply;
    private TcpState tcpState = TcpState.SYN_SENT;
    private boolean seenReply;
    private boolean assured;
    private boolean confirmed;
    private boolean destinationNatDone;
    private boolean sourceNatDone;
    private Instant expires;
    /** When a UDP flow that is still alive counts as a stream (ct->proto.udp.stream_ts, two seconds after it began). */
    private final Instant streamAfter;

    ConntrackEntry(Tuple original, Instant now) {
        this.original = original;
        this.reply = original.inverse();
        this.streamAfter = now.plus(UDP_STREAM_DELAY);
        this.expires = now.plus(timeout(now));
    }

    public Tuple original() {
        return original;
    }

    /** The tuple replies carry; differs from the inverse of {@link #original()} when NAT applies. */
    public Tuple reply() {
        return reply;
    }

    public boolean seenReply() {
        return seenReply;
    }

    public boolean assured() {
        return assured;
    }

    boolean confirmed() {
        return confirmed;
    }

    void confirm() {
        confirmed = true;
    }

    boolean natDone(boolean destination) {
        return destination ? destinationNatDone : sourceNatDone;
    }

    void markNatDone(boolean destination) {
        if (destination) {
            destinationNatDone = true;
        } else {
            sourceNatDone = true;
        }
    }

    /**
     * Whether NAT changed this connection's destination (IPS_DST_NAT) or source (IPS_SRC_NAT):
     * the kernel sets the bit only when the binding really rewrote the tuple.
     */
    boolean natted(boolean destination) {
        return destination
                ? !reply.source().equals(original.destination()) || reply.sourcePort() != original.destinationPort()
                : !reply.destination().equals(original.source()) || reply.destinationPort() != original.sourcePort();
    }

    void rewriteReply(Tuple newReply) {
        reply = newReply;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    /** A packet of this connection passed conntrack: advance its state and refresh its timeout. */
    void seen(boolean replyDirection, Instant now) {
        if (replyDirection) {
            seenReply = true;
            if (tcpState == TcpState.SYN_SENT) {
                tcpState = TcpState.SYN_RECV;
            }
        } else if (seenReply) {
            tcpState = TcpState.ESTABLISHED;
            assured = true;
        }
        if (original.protocol() == Protocol.ICMP && seenReply) {
            assured = true;
        }
        // A DNS query and its answer stay a 30 s UNREPLIED-or-replied flow; only a longer UDP
        // exchange earns nf_conntrack_udp_timeout_stream and ASSURED (kernel 5.16 onwards).
        if (original.protocol() == Protocol.UDP && seenReply && !now.isBefore(streamAfter)) {
            assured = true;
        }
        expires = now.plus(timeout(now));
    }

    private Duration timeout(Instant now) {
        return switch (original.protocol()) {
            case TCP -> switch (tcpState) {
                case SYN_SENT -> Duration.ofSeconds(120);
                case SYN_RECV -> Duration.ofSeconds(60);
                case ESTABLISHED -> Duration.ofDays(5);
            };
            case UDP -> Duration.ofSeconds(seenReply && !now.isBefore(streamAfter) ? 120 : 30);
            case ICMP -> Duration.ofSeconds(30);
        };
    }

    /** One line of {@code conntrack -L}, as libnetfilter_conntrack's default format prints it. */
    public String describe(Instant now) {
        StringBuilder out = new StringBuilder(String.format("%-8s %d %d ", original.protocol().keyword(),
                original.protocol().number(), Math.max(0, Duration.between(now, expires).getSeconds())));
        if (original.protocol() == Protocol.TCP) {
            out.append(tcpState).append(' ');
        }
        out.append(original.describe()).append(' ');
        if (!seenReply) {
            out.append("[UNREPLIED] ");
        }
        out.append(reply.describe()).append(' ');
        if (assured) {
            out.append("[ASSURED] ");
        }
        return out.append("mark=0 use=1").toString();
    }
}
