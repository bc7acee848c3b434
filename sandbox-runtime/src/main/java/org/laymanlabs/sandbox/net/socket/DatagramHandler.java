package org.laymanlabs.sandbox.net.socket;

import java.util.Optional;

/**
 * A program's side of a bound UDP socket: recvfrom(2) hands it one datagram and the sender's
 * address, and it answers with sendto(2) back to that sender, or with nothing at all (UDP has
 * no connection to refuse, and a server is free to ignore what it cannot parse).
 */
@FunctionalInterface
public interface DatagramHandler extends java.io.Serializable {

    /**
     * @param payload the datagram's bytes, without IP and UDP headers
     * @param from    the sender as this socket sees it, after any NAT
     * @return the datagram sent back to {@code from}, if any
     */
    Optional<byte[]> receive(byte[] payload, ConnectionHandler.Peer from);
}
