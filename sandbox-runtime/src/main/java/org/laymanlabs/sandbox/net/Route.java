package org.laymanlabs.sandbox.net;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a routing table. {@link #toString()} prints it exactly as {@code ip route}
 * (iproute2 6.1, ip/iproute.c print_route) does, trailing space included.
 */
public record Route(RouteType type, Cidr destination, Optional<Ipv4Address> via, String device,
        Optional<Ipv4Address> source, RouteProtocol protocol, RouteScope scope, int metric) {

    public Route {
        Objects.requireNonNull(type, "type");
        destination = destination.network();
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scope, "scope");
    }

    /** A route to a directly connected network, as the kernel adds for an interface address. */
    public static Route connected(Cidr network, String device, Ipv4Address source) {
        return new Route(RouteType.UNICAST, network, Optional.empty(), device, Optional.of(source),
                RouteProtocol.KERNEL, RouteScope.LINK, 0);
    }

    public boolean isDefault() {
        return destination.prefixLength() == 0;
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        if (type != RouteType.UNICAST) {
            line.append(type.keyword()).append(' ');
        }
        line.append(destinationText());
        via.ifPresent(gw -> line.append(" via ").append(gw));
        line.append(" dev ").append(device);
        if (protocol != RouteProtocol.BOOT) {
            line.append(" proto ").append(protocol.keyword());
        }
        if (scope != RouteScope.GLOBAL) {
            line.append(" scope ").append(scope.keyword());
        }
        source.ifPresent(src -> line.append(" src ").append(src));
        if (metric != 0) {
            line.append(" metric ").append(metric);
        }
        return line.append(' ').toString();
    }

    private String destinationText() {
        if (isDefault()) {
            return "default";
        }
        return destination.prefixLength() == 32 ? destination.address().toString() : destination.toString();
    }
}
