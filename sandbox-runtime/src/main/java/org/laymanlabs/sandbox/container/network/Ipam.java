package org.laymanlabs.sandbox.container.network;

import java.util.Optional;
import java.util.TreeSet;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors moby daemon/libnetwork/ipams/defaultipam: one subnet's addresses, the gateway taking
 * the first host address and each endpoint the lowest free one after it (.2 upwards); a removed
 * container's address goes back to the pool.
 */
final class Ipam {

    private final Cidr subnet;
    private final TreeSet<Integer> used = new TreeSet<>();

    Ipam(Cidr subnet) {
        this.subnet = subnet.network();
        used.add(1);
    }

    Cidr subnet() {
        return subnet;
    }

    Ipv4Address gateway() {
        return subnet.nth(1);
    }

    /** The lowest free host address, or none when the subnet is full. */
    Optional<Ipv4Address> allocate() {
        int hosts = (1 << (32 - subnet.prefixLength())) - 1;
        for (int n = 2; n < hosts; n++) {
            if (used.add(n)) {
                return Optional.of(subnet.nth(n));
            }
        }
        return Optional.empty();
    }

    void release(Ipv4Address address) {
        used.remove(address.bits() - subnet.network().address().bits());
    }
}
