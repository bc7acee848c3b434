package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A client's connect-send-receive over the simulated network, as a TCP socket experiences it.
 * The request's first packet and the answer each travel the whole path through the stack, so
 * NAT, conntrack and filtering apply both ways: an answer whose source is not what the client
 * connected to (say, NAT that was never undone) is not accepted, just as a real stack would reset it.
 */
public final class Connector {

    private static final int SYN_LENGTH = 60;
    private static final int FIRST_EPHEMERAL = 32768;
    private static final int EPHEMERAL_PORTS = 61000 - FIRST_EPHEMERAL;

    /** How long connect(2) keeps trying before ETIMEDOUT (tcp_syn_retries=6). */
    public static final Duration KERNEL_CONNECT_TIMEOUT = Duration.ofSeconds(127);

    /** When Linux sends an unanswered SYN again: the RTO starts at 1 s and doubles. */
    private static final List<Duration> SYN_RETRANSMITS = Stream.of(1, 3, 7, 15, 31, 63)
            .map(Duration::ofSeconds).toList();

    private final Ipv4Stack stack;
    private final RandomGenerator random;
    private final VirtualClock clock;
    private final boolean traced;

    public Connector(Ipv4Stack stack, RandomGenerator random, VirtualClock clock) {
        this(stack, random, clock, true);
    }

    private Connector(Ipv4Stack stack, RandomGenerator random, VirtualClock clock, boolean traced) {
        this.stack = stack;
        this.random = random;
        this.clock = clock;
        this.traced = traced;
    }

    /**
     * The same client whose exchanges keep no trace: for a caller that never reads one (the
     * kubelet's probes, every few seconds for as long as a pod runs). Its packets are as real:
     * the same path, rules, counters, conntrack entries and ports drawn from the same source.
     */
    public Connector untraced() {
        return traced ? new Connector(stack, random, clock, false) : this;
    }

    private PacketTrace newTrace() {
        return traced ? new PacketTrace() : PacketTrace.discarding();
    }

    /** UDP from the same stack, for clients that send datagrams (a resolver, {@code trace -u}). */
    public UdpSender udp() {
        return new UdpSender(stack, random, clock);
    }

    /** A request from a client that waits as long as the kernel does. */
    public Exchange exchange(NetworkNamespace client, Ipv4Address destination, int port, String request) {
        return exchange(client, destination, port, request, KERNEL_CONNECT_TIMEOUT);
    }

    /**
     * A request from a client that gives up after {@code patience}. Like connect(2), it binds the
     * socket to the source routing picks before the first SYN, so that an answer, a reset or an
     * ICMP error about it finds the socket. A SYN that vanishes is sent again on the kernel's
     * schedule while the client waits, and each copy crosses the rules afresh (a dropped SYN
     * never confirms its conntrack entry), so counters and nth matches see the retransmissions as
     * they do on Linux. The clock moves on by the time spent waiting.
     */
    public Exchange exchange(NetworkNamespace client, Ipv4Address destination, int port, String request,
            Duration patience) {
        PacketTrace requestTrace = newTrace();
        Optional<Ipv4Address> source = stack.sourceFor(client, destination);
        if (source.isEmpty()) {
            requestTrace.record(new TraceEvent.Dropped(client.name(), "no route to " + destination
                    + ": connect fails with Network is unreachable"));
            return new Exchange.Failed(requestTrace, "Network is unreachable", Duration.ZERO, Optional.empty());
        }
        int sourcePort = FIRST_EPHEMERAL + random.nextInt(EPHEMERAL_PORTS);
        Listener socket = new Listener(Protocol.TCP, source.get(), sourcePort, "the client's socket", (data, from) -> "");
        client.sockets().listen(socket);
        try {
            PacketHeader syn = new PacketHeader(Protocol.TCP, source.get(), sourcePort, destination, port, true);
            return connect(client, socket, syn, request, patience, requestTrace);
        } finally {
            client.sockets().close(socket);
        }
    }

    private Exchange connect(NetworkNamespace client, Listener socket, PacketHeader syn, String request,
            Duration patience, PacketTrace firstTrace) {
        Instant start = clock.now();
        PacketTrace requestTrace = firstTrace;
        Outcome outcome = stack.send(client, syn, SYN_LENGTH, requestTrace);
        for (Duration at : SYN_RETRANSMITS) {
            if (!unheard(outcome, client, socket) || at.compareTo(patience) >= 0) {
                break;
            }
            clock.advance(Duration.between(clock.now(), start.plus(at)));
            PacketTrace retransmission = newTrace();
            outcome = stack.send(client, syn, SYN_LENGTH, retransmission);
            if (!unheard(outcome, client, socket)) {
                requestTrace = retransmission;
            }
        }
        if (unheard(outcome, client, socket)) {
            Duration waited = patience.compareTo(KERNEL_CONNECT_TIMEOUT) < 0 ? patience : KERNEL_CONNECT_TIMEOUT;
            clock.advance(Duration.between(clock.now(), start.plus(waited)));
            return new Exchange.TimedOut(requestTrace, silence(outcome));
        }
        if (outcome instanceof Outcome.Delivered delivered) {
            return answer(client, syn.destination(), syn.destinationPort(), request, delivered, requestTrace);
        }
        if (outcome instanceof Outcome.Errored errored) {
            PacketHeader answer = errored.reached(client, socket).orElseThrow();
            String errno = answer.icmpError().map(e -> e.type().strerror()).orElse("Connection refused");
            return new Exchange.Failed(requestTrace, errno, errored.after(), Optional.of(errored.answerPath()));
        }
        return new Exchange.Failed(requestTrace, "Network is unreachable", Duration.ZERO, Optional.empty());
    }

    /** Whether the client heard nothing back: the SYN was lost, or the error about it never reached the socket. */
    private static boolean unheard(Outcome outcome, NetworkNamespace client, Listener socket) {
        return outcome instanceof Outcome.Lost
                || outcome instanceof Outcome.Echoed
                || outcome instanceof Outcome.Errored errored && errored.reached(client, socket).isEmpty();
    }

    private static String silence(Outcome outcome) {
        if (outcome instanceof Outcome.Errored errored) {
            String why = errored.answer() instanceof Outcome.Lost lost ? ": " + lost.reason() : "";
            return "the answer from " + errored.namespace().name() + " never reached the client" + why;
        }
        return outcome instanceof Outcome.Lost lost ? lost.reason() : "nothing answered";
    }

    private Exchange answer(NetworkNamespace client, Ipv4Address destination, int port, String request,
            Outcome.Delivered delivered, PacketTrace requestTrace) {
        PacketHeader seen = delivered.skb().header();
        ConnectionHandler.Peer peer = new ConnectionHandler.Peer(seen.source(), seen.sourcePort());
        String response = delivered.listener().handler().handle(request, peer);
        PacketTrace replyTrace = newTrace();
        // The client's connected socket is bound to the source routing chose before any NAT; a reply
        // reaches it only once conntrack has undone the NAT on the way back.
        Outcome back = stack.send(delivered.namespace(), seen.reply(), SYN_LENGTH, replyTrace);
        if (back instanceof Outcome.Delivered home && home.namespace() == client
                && home.skb().header().source().equals(destination) && home.skb().header().sourcePort() == port) {
            return new Exchange.Answered(response, delivered.namespace(), delivered.listener(), peer,
                    requestTrace, replyTrace);
        }
        return new Exchange.TimedOut(requestTrace, "the answer from " + seen.destination()
                + " never reached the client as coming from " + destination + ":" + port);
    }
}
