package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.IcmpType;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;

/**
 * One ICMP echo round trip, as ping's ICMP socket makes it: the request crosses the path, the
 * destination's kernel answers, and the reply must come back through the rules to the socket
 * bound to the echo id. The request carries the id as its source port and the reply as its
 * destination port, so conntrack sees the reply as the request's inverse (it matches echo
 * replies to requests by id), and a request is never mistaken for a reply: the kernel answers
 * requests (icmp_echo), and only replies and errors reach the socket. An ICMP error
 * about the request (a REJECT, no route at a router, an unanswered ARP) comes back to the same
 * socket, and ping reports it.
 */
public final class Pinger {

    private static final int LENGTH = 84;
    private static final int DEFAULT_TTL = 64;

    private final Ipv4Stack stack;

    public Pinger(Ipv4Stack stack) {
        this.stack = stack;
    }

    /** How one echo request ended. */
    public sealed interface Echo {

        /** The reply arrived; {@code hops} counts the namespaces crossed there and back. */
        record Replied(Ipv4Address from, int ttl, int hops) implements Echo { }

        /** An ICMP error about the request came back from {@code from}, {@code after} it was sent. */
        record Error(Ipv4Address from, IcmpType type, Duration after) implements Echo { }

        /** Nothing came back (dropped, or an answer that could not find its way). */
        record Lost() implements Echo { }

        /** No route from the sender itself: connect fails with Network is unreachable. */
        record NotReachable() implements Echo { }
    }

    public Echo echo(NetworkNamespace client, Ipv4Address destination, int id) {
        return echo(client, destination, id, DEFAULT_TTL);
    }

    /** One echo request sent with {@code ttl} (ping -t). */
    public Echo echo(NetworkNamespace client, Ipv4Address destination, int id, int ttl) {
        Optional<Ipv4Address> source = stack.sourceFor(client, destination);
        if (source.isEmpty()) {
            return new Echo.NotReachable();
        }
        Listener socket = new Listener(Protocol.ICMP, source.get(), id, "ping", (data, peer) -> "");
        client.sockets().listen(socket);
        try {
            PacketHeader request = new PacketHeader(Protocol.ICMP, source.get(), id, destination, 0, false);
            PacketTrace out = new PacketTrace();
            Outcome outcome = stack.send(client, request, LENGTH, ttl, out);
            if (outcome instanceof Outcome.NotReachable) {
                return new Echo.NotReachable();
            }
            if (outcome instanceof Outcome.Errored errored) {
                return errored.reached(client, socket)
                        .<Echo>map(error -> new Echo.Error(error.source(), error.icmpError().orElseThrow().type(),
                                errored.after()))
                        .orElseGet(Echo.Lost::new);
            }
            if (!(outcome instanceof Outcome.Echoed echoed)) {
                return new Echo.Lost();
            }
            PacketTrace back = new PacketTrace();
            Outcome answer = stack.send(echoed.namespace(), echoed.skb().header().reply(), LENGTH, back);
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
