package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

/**
 * One ICMP echo round trip, as ping's ICMP socket makes it: the request crosses the path, the
 * destination's kernel answers, and the reply must come back through the rules to the socket
 * bound to the echo id. The id travels in both port fields of the header, so conntrack sees the
 * reply as the request's inverse, as it matches echo replies to requests by id.
 */
public final class Pinger {

    private static final int LENGTH = 84;

    private final Ipv4Stack stack;

    public Pinger(Ipv4Stack stack) {
        this.stack = stack;
    }

    /** How one echo request ended. */
    public sealed interface Echo {

        /** The reply arrived; {@code hops} counts the namespaces crossed there and back. */
        record Replied(Ipv4Address from, int ttl, int hops) implements Echo { }

        /** Nothing came back (dropped, or an answer that could not find its way). */
        record Lost() implements Echo { }

        /** No route: the sender is told at once, or after the ARP timeout for an absent neighbour. */
        record NotReachable(Unreachable why) implements Echo { }
    }

    public Echo echo(NetworkNamespace client, Ipv4Address destination, int id) {
        PacketHeader request = new PacketHeader(Protocol.ICMP, Ipv4Address.ANY, id, destination, id, false);
        PacketTrace out = new PacketTrace();
        Outcome outcome = stack.send(client, request, LENGTH, out);
        if (outcome instanceof Outcome.NotReachable unreachable) {
            return new Echo.NotReachable(unreachable.why());
        }
        if (!(outcome instanceof Outcome.Echoed echoed)) {
            return new Echo.Lost();
        }
        PacketHeader reply = echoed.skb().header().reply();
        PacketHeader sent = out.events().stream()
                .filter(TraceEvent.Sent.class::isInstance)
                .map(e -> ((TraceEvent.Sent) e).packet())
                .findFirst().orElseThrow();
        Listener socket = new Listener(Protocol.ICMP, sent.source(), id, "ping", (data, peer) -> "");
        client.sockets().listen(socket);
        try {
            PacketTrace back = new PacketTrace();
            Outcome answer = stack.send(echoed.namespace(), reply, LENGTH, back);
            if (answer instanceof Outcome.Delivered home && home.namespace() == client
                    && home.skb().header().source().equals(destination)) {
                int hops = out.namespaces().size() + back.namespaces().size() - 2;
                return new Echo.Replied(destination, home.skb().ttl(), hops);
            }
            return new Echo.Lost();
        } finally {
            client.sockets().close(socket);
        }
    }
}
