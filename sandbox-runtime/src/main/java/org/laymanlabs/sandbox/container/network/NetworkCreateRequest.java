package org.laymanlabs.sandbox.container.network;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * What {@code docker network create} asks the engine for: the parts of moby's
 * api/types/network CreateRequest that the sandbox honours (name, driver, one IPv4 IPAM config).
 *
 * @param subnet  the {@code --subnet} as typed, host bits and all, so that a wrong one can be refused
 * @param gateway the {@code --gateway}; without it IPAM takes the subnet's first host address
 */
public record NetworkCreateRequest(String name, String driver, Optional<Cidr> subnet, Optional<Ipv4Address> gateway) {

    /** {@code docker network create NAME}: the bridge driver and the next free default pool. */
    public static NetworkCreateRequest named(String name) {
        return new NetworkCreateRequest(name, "bridge", Optional.empty(), Optional.empty());
    }
}
