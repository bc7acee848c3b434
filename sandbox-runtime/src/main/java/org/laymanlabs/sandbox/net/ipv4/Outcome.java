package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.socket.Listener;

/** How a packet's journey ended, as the sending socket experiences it. */
public sealed interface Outcome {

    /** A listening socket took it. {@code skb} holds the packet as the socket saw it. */
    record Delivered(NetworkNamespace namespace, Listener listener, Skb skb) implements Outcome { }

    /** An ICMP echo request reached a namespace that owns the address: its kernel answers (icmp_echo). */
    record Echoed(NetworkNamespace namespace, Skb skb) implements Outcome { }

    /** It reached a namespace that owns the address but nothing listens there: a TCP reset or ICMP port unreachable. */
    record NoListener(NetworkNamespace namespace, Skb skb) implements Outcome { }

    /** A REJECT rule answered: the sender is refused at once. */
    record Rejected(NetworkNamespace namespace, String reason) implements Outcome { }

    /** No route, or no neighbour answering ARP: the sender is told, at once or after the ARP timeout. */
    record NotReachable(NetworkNamespace namespace, Unreachable why) implements Outcome { }

    /** Dropped without a word (a DROP rule, forwarding off): the sender times out. */
    record Lost(NetworkNamespace namespace, String reason) implements Outcome { }
}
