package org.laymanlabs.sandbox.container.network;

import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.MacAddress;

/**
 * A container's attachment to one network, as libnetwork's endpoint.go keeps it: its own ID, the
 * address IPAM gave it, the MAC of its eth0, the host end of its veth pair, and the names the
 * embedded DNS answers for it.
 *
 * <p>A value with a record's accessors, equality, hash and text, but a class: it and its network
 * refer to each other, and a sandbox's checkpoint can only restore such a cycle through an object
 * it makes before its fields, which a record is not.
 */
public final class Endpoint {

    private final String id;
    private final String containerId;
    private final DockerNetwork network;
    private final Ipv4Address address;
    private final MacAddress mac;
    private final String hostVeth;
    private final List<String> dnsNames;

    /**
     * @param hostVeth the veth end on the host, such as {@code veth3c1f2a9}; empty for host and none
     * @param dnsNames the container's name and short ID, on user-defined networks only
     */
    public Endpoint(String id, String containerId, DockerNetwork network, Ipv4Address address, MacAddress mac,
                    String hostVeth, List<String> dnsNames) {
        this.id = id;
        this.containerId = containerId;
        this.network = network;
        this.address = address;
        this.mac = mac;
        this.hostVeth = hostVeth;
        this.dnsNames = List.copyOf(dnsNames);
    }

    public String id() {
        return id;
    }

    public String containerId() {
        return containerId;
    }

    public DockerNetwork network() {
        return network;
    }

    public Ipv4Address address() {
        return address;
    }

    public MacAddress mac() {
        return mac;
    }

    public String hostVeth() {
        return hostVeth;
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    /** As a record's: every component equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint that && Objects.equals(id, that.id) && Objects.equals(containerId, that.containerId)
                && Objects.equals(network, that.network) && Objects.equals(address, that.address) && Objects.equals(mac, that.mac)
                && Objects.equals(hostVeth, that.hostVeth) && dnsNames.equals(that.dnsNames);
    }

    /** As a record's: 31 times the running hash plus each component's, in declaration order. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (Object component : new Object[] {id, containerId, network, address, mac, hostVeth, dnsNames}) {
            hash = 31 * hash + Objects.hashCode(component);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Endpoint[id=" + id + ", containerId=" + containerId + ", network=" + network + ", address=" + address
                + ", mac=" + mac + ", hostVeth=" + hostVeth + ", dnsNames=" + dnsNames + "]";
    }
}
