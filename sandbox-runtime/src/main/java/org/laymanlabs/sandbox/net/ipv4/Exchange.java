package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;

/** The result of one request over a new connection: what the client got, and the paths of the packets. */
public sealed interface Exchange {

    PacketTrace request();

    /** The server answered and the answer came back to the client's socket. */
    record Answered(String response, NetworkNamespace server, Listener listener, ConnectionHandler.Peer clientAsSeen,
            PacketTrace request, PacketTrace reply) implements Exchange { }

    /**
     * connect(2) failed with {@code errno} (strerror's text) {@code after} the first SYN: an ICMP
     * error or a reset came back to the socket ({@code answer} is its path), or there was no
     * route at all, which the kernel knows without sending anything.
     */
    record Failed(PacketTrace request, String errno, Duration after, Optional<PacketTrace> answer) implements Exchange {

        public boolean refused() {
            return errno.equals("Connection refused");
        }
    }

    /** Nothing came back (a DROP, an error lost on its way back, an answer that could not find its way): the client gives up. */
    record TimedOut(PacketTrace request, String reason) implements Exchange { }
}
