package org.laymanlabs.sandbox.net.socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/** One namespace's listening sockets (the kernel's inet hash tables, as far as bind and lookup go). */
public final class SocketTable {

    private final List<Listener> listeners = new ArrayList<>();
    /**
     * What reads each bound UDP socket: a datagram has no connection whose handler could answer it.
     * In order of binding, as a socket's hash includes its handler's identity.
     */
    private final Map<Listener, DatagramHandler> receivers = new LinkedHashMap<>();

    /** bind(2) and listen(2); a clash with an existing socket fails with EADDRINUSE. */
    public void listen(Listener listener) {
        boolean clash = listeners.stream().anyMatch(l -> l.protocol() == listener.protocol()
                && l.port() == listener.port()
                && (l.address().equals(listener.address()) || l.address().equals(Ipv4Address.ANY)
                        || listener.address().equals(Ipv4Address.ANY)));
        if (clash) {
            throw new AddressInUseException(listener);
        }
        listeners.add(listener);
    }

    /**
     * bind(2) of a UDP socket on {@code address:port}, whose datagrams {@code receiver} reads; a
     * clash fails with EADDRINUSE as for TCP.
     */
    public Listener bind(Ipv4Address address, int port, String owner, DatagramHandler receiver) {
        Listener socket = new Listener(Protocol.UDP, address, port, owner, new NoStream());
        listen(socket);
        receivers.put(socket, receiver);
        return socket;
    }

    /** The program reading a bound UDP socket; empty for a socket the kernel itself owns (VXLAN). */
    public Optional<DatagramHandler> receiver(Listener socket) {
        return Optional.ofNullable(receivers.get(socket));
    }

    public void close(Listener listener) {
        listeners.remove(listener);
        receivers.remove(listener);
    }

    /** The socket a packet to this address and port reaches: an exact bind beats a wildcard. */
    public Optional<Listener> lookup(Protocol protocol, Ipv4Address address, int port) {
        return listeners.stream()
                .filter(l -> l.protocol() == protocol && l.port() == port && l.accepts(address))
                .min((a, b) -> Boolean.compare(a.address().equals(Ipv4Address.ANY), b.address().equals(Ipv4Address.ANY)));
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /**
     * A datagram socket's stream handler, never called. A value of its own for each socket: a lambda
     * that captures nothing is one instance for the whole JVM, which a checkpoint reads back as a
     * copy, so a socket bound after a restore would hold the JVM's beside it.
     */
    private record NoStream() implements ConnectionHandler {
        @Override
        public String handle(String request, Peer peer) {
            return "";
        }
    }

    /** bind: Address already in use. */
    public static final class AddressInUseException extends RuntimeException {

        AddressInUseException(Listener wanted) {
            super("bind() to " + wanted.address() + ":" + wanted.port() + " failed (98: Address already in use)");
        }
    }
}
