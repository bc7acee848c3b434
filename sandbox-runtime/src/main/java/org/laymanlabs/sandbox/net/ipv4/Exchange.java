package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.PacketTrace;

/** The result of one request over a new connection: what the client got, and both packets' paths. */
public sealed interface Exchange {

    PacketTrace request();

    /** The server answered and the answer came back to the client's socket. */
    record Answered(String response, NetworkNamespace server, Listener listener, ConnectionHandler.Peer clientAsSeen,
            PacketTrace request, PacketTrace reply) implements Exchange { }

    /** The connection was refused (a reset, or a REJECT rule): ECONNREFUSED at once. */
    record Refused(PacketTrace request, String reason) implements Exchange { }

    /** No route, or no neighbour: ENETUNREACH at once, or EHOSTUNREACH after the ARP timeout. */
    record NotReachable(PacketTrace request, Unreachable why) implements Exchange { }

    /** Nothing came back (a DROP, no ARP answer, an answer lost on its way back): the client gives up. */
    record TimedOut(PacketTrace request, String reason) implements Exchange { }
}
