package org.laymanlabs.sandbox.container.network;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.curl.HostResolver;

/**
 * Mirrors moby daemon/libnetwork/resolver.go, the DNS server at 127.0.0.11 in every container on
 * a user-defined network: it answers the names (container name and short ID) of the containers
 * that share a user-defined network with the asker. The default bridge has no such service,
 * which is why containers there cannot find each other by name.
 */
public final class EmbeddedDns {

    private final NetworkController controller;

    public EmbeddedDns(NetworkController controller) {
        this.controller = controller;
    }

    /** The resolver of one container's namespace. */
    public HostResolver resolverFor(String containerId) {
        return name -> lookup(containerId, name);
    }

    private Optional<Ipv4Address> lookup(String asker, String name) {
        return controller.networks().stream()
                .filter(DockerNetwork::isUserDefined)
                .filter(n -> n.endpointOf(asker).isPresent())
                .flatMap(n -> n.endpoints().stream())
                .filter(e -> e.dnsNames().stream().anyMatch(name::equalsIgnoreCase))
                .map(Endpoint::address)
                .findFirst();
    }
}
