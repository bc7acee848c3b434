package org.laymanlabs.sandbox.container.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.socket.Listener;

/**
 * Mirrors moby's port allocator and portmapper with the default userland proxy: a host port per
 * published port (an explicit one, or the next free one from 32768), Docker's iptables rules for
 * it, and a docker-proxy listening on the host, which is what answers {@code localhost:8080}
 * since the nat OUTPUT rule leaves 127.0.0.0/8 alone.
 */
final class PortPublisher {

    private static final int FIRST_EPHEMERAL = 32768;
    private static final int LAST_EPHEMERAL = 60999;

    private final NetworkNamespace host;
    private final Connector connector;
    private final DockerFirewall firewall;
    private final Map<String, Listener> proxies = new HashMap<>();
    private int nextEphemeral = FIRST_EPHEMERAL;

    PortPublisher(NetworkNamespace host, Connector connector, DockerFirewall firewall) {
        this.host = host;
        this.connector = connector;
        this.firewall = firewall;
    }

    /** Publishes one port of an endpoint; the message of a refusal is moby's. */
    PortMapping publish(Endpoint endpoint, PortMapping wanted) {
        PortMapping granted = wanted.hostPort() == 0 ? wanted.withHostPort(nextFree(wanted.protocol())) : wanted;
        String key = key(granted);
        if (proxies.containsKey(key)) {
            throw new DaemonException(DaemonException.Kind.FORBIDDEN, "Bind for " + granted.listenAddress() + ":"
                    + granted.hostPort() + " failed: port is already allocated");
        }
        Ipv4Address listen = Ipv4Address.parse(granted.listenAddress());
        if (granted.protocol().equals("tcp") && host.sockets().lookup(Protocol.TCP, listen, granted.hostPort()).isPresent()) {
            throw new DaemonException(DaemonException.Kind.FORBIDDEN, "failed to bind host port for "
                    + granted.listenAddress() + ":" + granted.hostPort() + ":" + endpoint.address() + ":"
                    + granted.containerPort() + "/" + granted.protocol() + ": address already in use");
        }
        firewall.publish(endpoint.network().bridgeName().orElseThrow(), endpoint.address(), granted);
        Listener proxy = new Listener(Protocol.TCP, listen, granted.hostPort(), "docker-proxy",
                (request, peer) -> forward(endpoint.address(), granted.containerPort(), request));
        if (granted.protocol().equals("tcp")) {
            host.sockets().listen(proxy);
        }
        proxies.put(key, proxy);
        return granted;
    }

    void unpublish(Endpoint endpoint, PortMapping granted) {
        Listener proxy = proxies.remove(key(granted));
        if (proxy != null) {
            host.sockets().close(proxy);
            firewall.unpublish(endpoint.network().bridgeName().orElseThrow(), endpoint.address(), granted);
        }
    }

    /** docker-proxy: a new connection from the host to the container for each one accepted. */
    private String forward(Ipv4Address container, int port, String request) {
        Exchange exchange = connector.exchange(host, container, port, request);
        return exchange instanceof Exchange.Answered answered ? answered.response() : "";
    }

    private int nextFree(String protocol) {
        for (int tries = 0; tries <= LAST_EPHEMERAL - FIRST_EPHEMERAL; tries++) {
            int port = nextEphemeral;
            nextEphemeral = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
            if (!proxies.containsKey(protocol + ":0.0.0.0:" + port)) {
                return port;
            }
        }
        throw new DaemonException(DaemonException.Kind.FORBIDDEN, "no free host port left in 32768-60999");
    }

    private static String key(PortMapping port) {
        return port.protocol() + ":" + port.listenAddress() + ":" + port.hostPort();
    }

    List<String> allocated() {
        return List.copyOf(proxies.keySet());
    }
}
