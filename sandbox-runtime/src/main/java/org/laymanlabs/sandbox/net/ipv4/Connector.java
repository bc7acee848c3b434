package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    public Connector(Ipv4Stack stack, RandomGenerator random, VirtualClock clock) {
        this.stack = stack;
        this.random = random;
        this.clock = clock;
    }

    /** A request from a client that waits as long as the kernel does. */
    public Exchange exchange(NetworkNamespace client, Ipv4Address destination, int port, String request) {
        return exchange(client, destination, port, request, KERNEL_CONNECT_TIMEOUT);
    }

    /**
     * A request from a client that gives up after {@code patience}. A SYN that vanishes is sent
     * again on the kernel's schedule while the client waits, and each copy crosses the rules
     * afresh (a dropped SYN never confirms its conntrack entry), so counters and nth matches see
     * the retransmissions as they do on Linux. The clock moves on by the time spent waiting.
     */
    public Exchange exchange(NetworkNamespace client, Ipv4Address destination, int port, String request,
            Duration patience) {
        int sourcePort = FIRST_EPHEMERAL + random.nextInt(EPHEMERAL_PORTS);
        PacketHeader syn = new PacketHeader(Protocol.TCP, Ipv4Address.ANY, sourcePort, destination, port, true);
        Instant start = clock.now();
        PacketTrace requestTrace = new PacketTrace();
        Outcome outcome = stack.send(client, syn, SYN_LENGTH, requestTrace);
        for (Duration at : SYN_RETRANSMITS) {
            if (!(outcome instanceof Outcome.Lost) || at.compareTo(patience) >= 0) {
                break;
            }
            clock.advance(Duration.between(clock.now(), start.plus(at)));
            PacketTrace retransmission = new PacketTrace();
            outcome = stack.send(client, syn, SYN_LENGTH, retransmission);
            if (!(outcome instanceof Outcome.Lost)) {
                requestTrace = retransmission;
            }
        }
        if (outcome instanceof Outcome.Lost lost) {
            Duration waited = patience.compareTo(KERNEL_CONNECT_TIMEOUT) < 0 ? patience : KERNEL_CONNECT_TIMEOUT;
            clock.advance(Duration.between(clock.now(), start.plus(waited)));
            return new Exchange.TimedOut(requestTrace, lost.reason());
        }
        if (outcome instanceof Outcome.Delivered delivered) {
            return answer(client, destination, port, request, delivered, requestTrace);
        }
        if (outcome instanceof Outcome.NoListener) {
            return new Exchange.Refused(requestTrace, "Connection refused");
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            return new Exchange.Refused(requestTrace, rejected.reason());
        }
        if (outcome instanceof Outcome.NotReachable unreachable) {
            return new Exchange.NotReachable(requestTrace, unreachable.why());
        }
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    private static PacketHeader sentHeader(PacketTrace trace) {
        return trace.events().stream()
                .filter(TraceEvent.Sent.class::isInstance)
                .map(e -> ((TraceEvent.Sent) e).packet())
                .findFirst()
                .orElseThrow();
    }

    private Exchange answer(NetworkNamespace client, Ipv4Address destination, int port, String request,
            Outcome.Delivered delivered, PacketTrace requestTrace) {
        PacketHeader seen = delivered.skb().header();
        ConnectionHandler.Peer peer = new ConnectionHandler.Peer(seen.source(), seen.sourcePort());
        String response = delivered.listener().handler().handle(request, peer);
        PacketHeader reply = seen.reply();
        PacketTrace replyTrace = new PacketTrace();
        // The client's connected socket is bound to the source routing chose before any NAT; a reply
        // reaches it only once conntrack has undone the NAT on the way back.
        PacketHeader sent = sentHeader(requestTrace);
        Listener clientSocket = new Listener(Protocol.TCP, sent.source(), sent.sourcePort(),
                "the client's socket", (data, from) -> "");
        client.sockets().listen(clientSocket);
        try {
            Outcome back = stack.send(delivered.namespace(), reply, SYN_LENGTH, replyTrace);
            if (back instanceof Outcome.Delivered home && home.namespace() == client
                    && home.skb().header().source().equals(destination) && home.skb().header().sourcePort() == port) {
                return new Exchange.Answered(response, delivered.namespace(), delivered.listener(), peer,
                        requestTrace, replyTrace);
            }
            return new Exchange.TimedOut(requestTrace, "the answer from " + seen.destination()
                    + " never reached the client as coming from " + destination + ":" + port);
        } finally {
            client.sockets().close(clientSocket);
        }
    }
}
