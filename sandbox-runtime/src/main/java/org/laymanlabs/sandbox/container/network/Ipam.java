package org.laymanlabs.sandbox.container.network;

import java.util.Optional;
import java.util.TreeSet;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors moby daemon/libnetwork/ipams/defaultipam: one subnet's addresses, the gateway taking
 * the first host address (or the one {@code --gateway} named) and each endpoint the lowest free
 * other one; a removed container's address goes back to the pool.
 */
final class Ipam {

    private final Cidr subnet;
    private final Ipv4Address gateway;
    private final TreeSet<Integer> used = new TreeSet<>();

    Ipam(Cidr subnet) {
        this(subnet, subnet.nth(1));
    }

    Ipam(Cidr subnet, Ipv4Address gateway) {
        this.subnet = subnet.network();
        this.gateway = gateway;
        used.add(offset(gateway));
    }

    Cidr subnet() {
        return subnet;
    }

    Ipv4Address gateway() {
        return gateway;
    }

    /** The lowest free host address, or none when the subnet is full. */
    Optional<Ipv4Address> allocate() {
        int hosts = (1 << (32 - subnet.prefixLength())) - 1;
        for (int n = 1; n < hosts; n++) {
            if (used.add(n)) {
                return Optional.of(subnet.nth(n));
            }
        }
        return Optional.empty();
    }

    void release(Ipv4Address address) {
        used.remove(offset(address));
    }

    private int offset(Ipv4Address address) {
        return address.bits() - subnet.address().bits();
    }
}
