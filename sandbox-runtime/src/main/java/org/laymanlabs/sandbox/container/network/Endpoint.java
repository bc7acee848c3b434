package org.laymanlabs.sandbox.container.network;

import java.util.List;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.MacAddress;

/**
 * A container's attachment to one network, as libnetwork's endpoint.go keeps it: its own ID, the
 * address IPAM gave it, the MAC of its eth0, the host end of its veth pair, and the names the
 * embedded DNS answers for it.
 *
 * @param hostVeth the veth end on the host, such as {@code veth3c1f2a9}; empty for host and none
 * @param dnsNames the container's name and short ID, on user-defined networks only
 */
public record Endpoint(String id, String containerId, DockerNetwork network, Ipv4Address address, MacAddress mac,
                       String hostVeth, List<String> dnsNames) {

    public Endpoint {
        dnsNames = List.copyOf(dnsNames);
    }
}
