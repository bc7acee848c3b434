package org.laymanlabs.sandbox.net.socket;

/** A program's side of an accepted connection: it reads a request and writes a response. */
@FunctionalInterface
public interface ConnectionHandler extends java.io.Serializable {

    /**
     * @param request what the client sent (for HTTP, the request text)
     * @param peer    the client as this socket sees it, after any NAT
     * @return what the program writes back
     */
    String handle(String request, Peer peer);

    /** The remote end of a connection as {@code getpeername()} reports it. */
    record Peer(org.laymanlabs.sandbox.net.Ipv4Address address, int port) { }
}
