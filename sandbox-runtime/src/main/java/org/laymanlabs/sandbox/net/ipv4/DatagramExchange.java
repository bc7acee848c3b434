package org.laymanlabs.sandbox.net.ipv4;

import java.util.Optional;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;

/** What a connected UDP socket got for one datagram it sent, and the paths the packets took. */
public sealed interface DatagramExchange {

    PacketTrace request();

    /** The server's answer came back through conntrack to the client's socket. */
    record Answered(byte[] payload, NetworkNamespace server, Listener socket, ConnectionHandler.Peer clientAsSeen,
            PacketTrace request, PacketTrace reply) implements DatagramExchange { }

    /**
     * The datagram reached a socket whose program sent nothing back; the client cannot tell this
     * from a loss and times out. {@code socket} is empty when the datagram never arrived.
     */
    record TimedOut(PacketTrace request, Optional<Listener> socket, String reason) implements DatagramExchange { }

    /**
     * recv(2) failed with {@code errno} (strerror's text): an ICMP error about the datagram came
     * back to the connected socket (port unreachable gives "Connection refused"), whose path is
     * {@code answer}; or there was no route, which fails the send itself.
     */
    record Failed(PacketTrace request, String errno, Optional<PacketTrace> answer) implements DatagramExchange { }
}
