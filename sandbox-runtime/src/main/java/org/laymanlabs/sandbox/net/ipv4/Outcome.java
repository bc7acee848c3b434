package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;

/** How a packet's journey ended, as the sending socket experiences it. */
public sealed interface Outcome {

    /** A socket took it. {@code skb} holds the packet as the socket saw it. */
    record Delivered(NetworkNamespace namespace, Listener listener, Skb skb) implements Outcome { }

    /** An ICMP echo request reached a namespace that owns the address: its kernel answers (icmp_echo). */
    record Echoed(NetworkNamespace namespace, Skb skb) implements Outcome { }

    /**
     * It stopped in {@code namespace}, whose kernel answered the sender with an ICMP error or a
     * TCP reset: a packet of its own, sent {@code after} the stop was decided (an unanswered ARP
     * takes three seconds), whose path is {@code answerPath} and whose journey ended as {@code answer}.
     */
    record Errored(NetworkNamespace namespace, Duration after, PacketTrace answerPath, Outcome answer)
            implements Outcome {

        /** The error or reset as it arrived, if it reached a socket in {@code sender}. */
        public java.util.Optional<PacketHeader> reached(NetworkNamespace sender, Listener socket) {
            return answer instanceof Delivered home && home.namespace() == sender && home.listener().equals(socket)
                    ? java.util.Optional.of(home.skb().header()) : java.util.Optional.empty();
        }
    }

    /** No route from the sending namespace itself: the system call fails at once with ENETUNREACH. */
    record NotReachable(NetworkNamespace namespace) implements Outcome { }

    /** Dropped without a word (a DROP rule, forwarding off, an answer nobody waits for): the sender times out. */
    record Lost(NetworkNamespace namespace, String reason) implements Outcome { }
}
