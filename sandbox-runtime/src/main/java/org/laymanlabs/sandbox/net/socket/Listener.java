package org.laymanlabs.sandbox.net.socket;

import java.util.Objects;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * A listening socket: what {@code ss -ltn} would show. {@code address} 0.0.0.0 listens on every
 * address of the namespace. {@code owner} names the program, e.g. {@code nginx}.
 *
 * <p>A value with a record's accessors, equality and hash, but a class: its handler often reaches
 * back to the socket (docker-proxy's handler holds the port publisher that holds its listeners),
 * and a sandbox's checkpoint can only restore such a cycle through an object it makes before its
 * fields, which a record is not.
 */
public final class Listener {

    private final Protocol protocol;
    private final Ipv4Address address;
    private final int port;
    private final String owner;
    private final ConnectionHandler handler;

    public Listener(Protocol protocol, Ipv4Address address, int port, String owner, ConnectionHandler handler) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(handler, "handler");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        this.protocol = protocol;
        this.address = address;
        this.port = port;
        this.owner = owner;
        this.handler = handler;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Ipv4Address address() {
        return address;
    }

    public int port() {
        return port;
    }

    public String owner() {
        return owner;
    }

    public ConnectionHandler handler() {
        return handler;
    }

    public boolean accepts(Ipv4Address destination) {
        return address.equals(Ipv4Address.ANY) || address.equals(destination);
    }

    /** As a record's: every component equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Listener that && protocol == that.protocol && address.equals(that.address)
                && port == that.port && owner.equals(that.owner) && handler.equals(that.handler);
    }

    /** As a record's: 31 times the running hash plus each component's, in declaration order. */
    @Override
    public int hashCode() {
        int hash = protocol.hashCode();
        hash = 31 * hash + address.hashCode();
        hash = 31 * hash + Integer.hashCode(port);
        hash = 31 * hash + owner.hashCode();
        return 31 * hash + handler.hashCode();
    }

    @Override
    public String toString() {
        return protocol.keyword() + " " + address + ":" + port + " (" + owner + ")";
    }
}
