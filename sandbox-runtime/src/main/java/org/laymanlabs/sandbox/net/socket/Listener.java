package org.laymanlabs.sandbox.net.socket;

import java.util.Objects;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * A listening socket: what {@code ss -ltn} would show. {@code address} 0.0.0.0 listens on every
 * address of the namespace. {@code owner} names the program, e.g. {@code nginx}.
 */
public record Listener(Protocol protocol, Ipv4Address address, int port, String owner, ConnectionHandler handler) {

    public Listener {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(handler, "handler");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    public boolean accepts(Ipv4Address destination) {
        return address.equals(Ipv4Address.ANY) || address.equals(destination);
    }

    @Override
    public String toString() {
        return protocol.keyword() + " " + address + ":" + port + " (" + owner + ")";
    }
}
