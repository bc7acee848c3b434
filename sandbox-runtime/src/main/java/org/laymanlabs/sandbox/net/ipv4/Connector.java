package org.laymanlabs.sandbox.net.ipv4;

import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

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

    private final Ipv4Stack stack;
    private final RandomGenerator random;

    public Connector(Ipv4Stack stack, RandomGenerator random) {
        this.stack = stack;
        this.random = random;
    }

    public Exchange exchange(NetworkNamespace client, Ipv4Address destination, int port, String request) {
        int sourcePort = FIRST_EPHEMERAL + random.nextInt(EPHEMERAL_PORTS);
        PacketHeader syn = new PacketHeader(Protocol.TCP, Ipv4Address.ANY, sourcePort, destination, port, true);
        PacketTrace requestTrace = new PacketTrace();
        Outcome outcome = stack.send(client, syn, SYN_LENGTH, requestTrace);
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
        return new Exchange.TimedOut(requestTrace, ((Outcome.Lost) outcome).reason());
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
