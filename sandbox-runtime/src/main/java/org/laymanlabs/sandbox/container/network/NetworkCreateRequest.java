package org.laymanlabs.sandbox.container.network;

import java.util.Optional;
import org.laymanlabs.sandbox.image.DaemonException;
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

    /**
     * The request from its IPAM config as text, as the CLI's flags and the API's body both carry
     * it; a subnet or gateway that does not parse is the daemon's error (moby libnetwork ipamutils).
     */
    public static NetworkCreateRequest parse(String name, String driver, Optional<String> subnet,
                                             Optional<String> gateway) {
        return new NetworkCreateRequest(name, driver, subnet.map(NetworkCreateRequest::subnet),
                gateway.map(NetworkCreateRequest::gateway));
    }

    private static Cidr subnet(String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid subnet " + text
                    + ": invalid CIDR address: " + text);
        }
    }

    private static Ipv4Address gateway(String text) {
        if (!Ipv4Address.isValid(text)) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid gateway " + text);
        }
        return Ipv4Address.parse(text);
    }
}
