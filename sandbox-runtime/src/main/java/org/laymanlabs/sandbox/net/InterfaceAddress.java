package org.laymanlabs.sandbox.net;

import java.util.Optional;

/**
 * An IPv4 address on an interface, as {@code ip addr} lists it: the address with its prefix
 * length, an optional broadcast address, and its scope.
 */
public record InterfaceAddress(Cidr address, Optional<Ipv4Address> broadcast, RouteScope scope) {

    /** {@code brd +}: the all-ones host part, as Docker and CNI plugins set it. */
    public static InterfaceAddress withBroadcast(Cidr address, RouteScope scope) {
        Ipv4Address brd = new Ipv4Address(address.network().address().bits() | ~address.mask());
        return new InterfaceAddress(address, Optional.of(brd), scope);
    }

    public Ipv4Address ip() {
        return address.address();
    }
}
