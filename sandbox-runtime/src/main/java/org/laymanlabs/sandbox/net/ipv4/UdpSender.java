package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.DatagramHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A connected UDP socket's send-and-wait, as glibc's resolver does it in send_dg (socket,
 * connect, send, poll with a timeout, recv), mirroring net/ipv4/udp.c: the datagram and the
 * answer each cross the whole path, so DNAT to a Service's endpoint is undone by conntrack on
 * the way back; an answer from any other address is not for this connected socket; and an ICMP
 * port unreachable comes back as ECONNREFUSED. Silence costs the client its whole timeout on
 * the virtual clock.
 */
public final class UdpSender {

    /** IPv4 and UDP headers in front of the payload. */
    private static final int HEADERS = 28;
    private static final int FIRST_EPHEMERAL = 32768;
    private static final int EPHEMERAL_PORTS = 61000 - FIRST_EPHEMERAL;

    private final Ipv4Stack stack;
    private final RandomGenerator random;
    private final VirtualClock clock;

    public UdpSender(Ipv4Stack stack, RandomGenerator random, VirtualClock clock) {
        this.stack = stack;
        this.random = random;
        this.clock = clock;
    }

    /** Sends {@code payload} from an ephemeral port of {@code client} and waits up to {@code timeout} for one answer. */
    public DatagramExchange exchange(NetworkNamespace client, Ipv4Address destination, int port, byte[] payload,
            Duration timeout) {
        PacketTrace requestTrace = new PacketTrace();
        Optional<Ipv4Address> source = stack.sourceFor(client, destination);
        if (source.isEmpty()) {
            requestTrace.record(new TraceEvent.Dropped(client.name(), "no route to " + destination
                    + ": connect fails with Network is unreachable"));
            return new DatagramExchange.Failed(requestTrace, "Network is unreachable", Optional.empty());
        }
        int sourcePort = FIRST_EPHEMERAL + random.nextInt(EPHEMERAL_PORTS);
        Listener socket = client.sockets().bind(source.get(), sourcePort, "the client's socket", (data, from) -> Optional.empty());
        try {
            PacketHeader header = new PacketHeader(Protocol.UDP, source.get(), sourcePort, destination, port, false);
            Outcome outcome = stack.send(client, header, HEADERS + payload.length, requestTrace);
            DatagramExchange result = settle(client, socket, destination, port, payload, outcome, requestTrace);
            if (result instanceof DatagramExchange.TimedOut) {
                clock.advance(timeout);
            }
            return result;
        } finally {
            client.sockets().close(socket);
        }
    }

    private DatagramExchange settle(NetworkNamespace client, Listener socket, Ipv4Address destination, int port,
            byte[] payload, Outcome outcome, PacketTrace requestTrace) {
        if (outcome instanceof Outcome.Delivered delivered) {
            return answer(client, destination, port, payload, delivered, requestTrace);
        }
        if (outcome instanceof Outcome.Errored errored) {
            Optional<PacketHeader> error = errored.reached(client, socket);
            if (error.isPresent()) {
                String errno = error.get().icmpError().map(e -> e.type().strerror()).orElse("Connection refused");
                return new DatagramExchange.Failed(requestTrace, errno, Optional.of(errored.answerPath()));
            }
            return new DatagramExchange.TimedOut(requestTrace, Optional.empty(),
                    "the ICMP error from " + errored.namespace().name() + " never reached the client");
        }
        if (outcome instanceof Outcome.NotReachable) {
            return new DatagramExchange.Failed(requestTrace, "Network is unreachable", Optional.empty());
        }
        String reason = outcome instanceof Outcome.Lost lost ? lost.reason() : "nothing answered";
        return new DatagramExchange.TimedOut(requestTrace, Optional.empty(), reason);
    }

    private DatagramExchange answer(NetworkNamespace client, Ipv4Address destination, int port, byte[] payload,
            Outcome.Delivered delivered, PacketTrace requestTrace) {
        PacketHeader seen = delivered.skb().header();
        ConnectionHandler.Peer peer = new ConnectionHandler.Peer(seen.source(), seen.sourcePort());
        Optional<DatagramHandler> program = delivered.namespace().sockets().receiver(delivered.listener());
        Optional<byte[]> response = program.flatMap(p -> p.receive(payload.clone(), peer));
        if (response.isEmpty()) {
            return new DatagramExchange.TimedOut(requestTrace, Optional.of(delivered.listener()),
                    delivered.listener().owner() + " sent nothing back");
        }
        PacketTrace replyTrace = new PacketTrace();
        Outcome back = stack.send(delivered.namespace(), seen.reply(), HEADERS + response.get().length, replyTrace);
        // A connected socket takes datagrams only from the address it connected to: the reply must
        // have been un-DNATed to the Service's address on its way back.
        if (back instanceof Outcome.Delivered home && home.namespace() == client
                && home.skb().header().source().equals(destination) && home.skb().header().sourcePort() == port) {
            return new DatagramExchange.Answered(response.get(), delivered.namespace(), delivered.listener(), peer,
                    requestTrace, replyTrace);
        }
        return new DatagramExchange.TimedOut(requestTrace, Optional.of(delivered.listener()), "the answer from "
                + seen.destination() + " never reached the client as coming from " + destination + ":" + port);
    }
}
