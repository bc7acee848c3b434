package org.laymanlabs.sandbox.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.laymanlabs.sandbox.net.socket.SocketTable;

/**
 * One network namespace: its devices, addresses and main routing table, as the kernel keeps
 * them per struct net. The kernel's own routes (a connected route per address, the local table)
 * are derived from the addresses rather than stored, so they can never disagree with them.
 */
public final class NetworkNamespace {

    private static final Comparator<Route> FIB_ORDER = Comparator
            .comparing((Route r) -> r.destination().address())
            .thenComparingInt(r -> r.destination().prefixLength())
            .thenComparingInt(Route::metric);

    private final String name;
    private final boolean named;
    private final TreeMap<Integer, Link> links = new TreeMap<>();
    private final List<Route> staticRoutes = new ArrayList<>();
    /** In order of first use: a namespace has no hash of its own, so a hash table would list them by identity. */
    private final Map<NetworkNamespace, Integer> peerNamespaceIds = new LinkedHashMap<>();
    private final SocketTable sockets = new SocketTable();
    private int nextIndex = 2;
    private boolean ipForward;

    NetworkNamespace(String name, boolean named) {
        this.name = name;
        this.named = named;
    }

    public String name() {
        return name;
    }

    /** Whether {@code ip netns list} shows it (a container's namespace is unnamed). */
    public boolean isNamed() {
        return named;
    }

    /** The listening sockets of the programs running in this namespace. */
    public SocketTable sockets() {
        return sockets;
    }

    public boolean ipForward() {
        return ipForward;
    }

    /** {@code sysctl net.ipv4.ip_forward}: whether packets not for this namespace are routed on. */
    public void setIpForward(boolean enabled) {
        this.ipForward = enabled;
    }

    /**
     * The id this namespace knows another by ({@code link-netnsid N}), given in order of first
     * use, as the kernel's peernet2id_alloc does.
     */
    public int netnsIdOf(NetworkNamespace other) {
        return peerNamespaceIds.computeIfAbsent(other, o -> peerNamespaceIds.size());
    }

    public List<Link> links() {
        return List.copyOf(links.values());
    }

    public Optional<Link> link(String linkName) {
        return links.values().stream().filter(l -> l.name().equals(linkName)).findFirst();
    }

    public Link requireLink(String linkName) {
        return link(linkName).orElseThrow(() -> new NetlinkException(Errno.ENODEV));
    }

    void attach(Link link, int preferredIndex) {
        int index = preferredIndex > 0 && !links.containsKey(preferredIndex) ? preferredIndex : nextIndex;
        nextIndex = Math.max(nextIndex, index + 1);
        links.put(index, link);
        link.attach(this, index);
    }

    void detach(Link link) {
        links.remove(link.index());
        staticRoutes.removeIf(r -> r.device().equals(link.name()));
    }

    /**
     * Brings a device up or down; going down flushes the routes through it, as the kernel does.
     * lo gets 127.0.0.1/8 the first time it comes up (inetdev_event, NETDEV_UP).
     */
    public void setUp(Link link, boolean up) {
        if (up && link.kind() == LinkKind.LOOPBACK && link.addresses().isEmpty()) {
            link.addAddress(new InterfaceAddress(Cidr.parse("127.0.0.1/8"), Optional.empty(), RouteScope.HOST));
        }
        link.setUp(up);
        if (!up) {
            staticRoutes.removeIf(r -> r.device().equals(link.name()));
        }
    }

    public void addAddress(Link link, InterfaceAddress address) {
        boolean taken = link.addresses().stream().anyMatch(a -> a.ip().equals(address.ip()));
        if (taken) {
            throw new NetlinkException(Errno.EEXIST, "ipv4: Address already assigned");
        }
        link.addAddress(address);
    }

    public void deleteAddress(Link link, Cidr address) {
        if (!link.removeAddress(address)) {
            throw new NetlinkException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
        }
    }

    /** The main table: the kernel's connected routes for up devices, then the added ones, in FIB order. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>(staticRoutes);
        for (Link link : links.values()) {
            if (link.isUp() && link.kind() != LinkKind.LOOPBACK) {
                for (InterfaceAddress a : link.addresses()) {
                    if (a.address().prefixLength() < 32) {
                        all.add(Route.connected(a.address().network(), link.name(), a.ip()));
                    }
                }
            }
        }
        all.sort(FIB_ORDER);
        return all;
    }

    /** The local table: this namespace's own and broadcast addresses ({@code ip route show table local}). */
    public List<Route> localRoutes() {
        List<Route> local = new ArrayList<>();
        for (Link link : links.values()) {
            if (!link.isUp()) {
                continue;
            }
            for (InterfaceAddress a : link.addresses()) {
                local.add(new Route(RouteType.LOCAL, Cidr.host(a.ip()), Optional.empty(), link.name(),
                        Optional.of(a.ip()), RouteProtocol.KERNEL, RouteScope.HOST, 0));
                if (link.kind() == LinkKind.LOOPBACK && a.address().prefixLength() < 32) {
                    local.add(new Route(RouteType.LOCAL, a.address().network(), Optional.empty(), link.name(),
                            Optional.of(a.ip()), RouteProtocol.KERNEL, RouteScope.HOST, 0));
                }
                if (a.address().prefixLength() < 31) {
                    // fib_add_ifaddr adds the all-ones broadcast whether or not "brd" was given.
                    Ipv4Address brd = new Ipv4Address(a.ip().bits() | ~a.address().mask());
                    local.add(new Route(RouteType.BROADCAST, Cidr.host(brd), Optional.empty(), link.name(),
                            Optional.of(a.ip()), RouteProtocol.KERNEL, RouteScope.LINK, 0));
                }
            }
        }
        local.sort(FIB_ORDER);
        return local;
    }

    /** Adds a route; a gateway must be on a connected network, as the kernel insists. */
    public void addRoute(Route route) {
        requireLink(route.device());
        boolean duplicate = staticRoutes.stream().anyMatch(r -> r.destination().equals(route.destination())
                && r.metric() == route.metric());
        if (duplicate || routes().stream().anyMatch(r -> r.equals(route))) {
            throw new NetlinkException(Errno.EEXIST);
        }
        staticRoutes.add(route);
    }

    /** The connected device for a gateway, or empty if no connected route covers it. */
    public Optional<Route> connectedRouteFor(Ipv4Address gateway) {
        return routes().stream()
                .filter(r -> r.via().isEmpty() && r.destination().contains(gateway))
                .max(Comparator.comparingInt(r -> r.destination().prefixLength()));
    }

    public void deleteRoute(Cidr destination) {
        if (!staticRoutes.removeIf(r -> r.destination().equals(destination.network()))) {
            throw new NetlinkException(Errno.ESRCH);
        }
    }

    /** True for this namespace's own addresses and, with lo up, all of 127.0.0.0/8 (addrtype LOCAL). */
    public boolean isLocal(Ipv4Address address) {
        return localRoute(address) != null;
    }

    /**
     * The kernel's route lookup (fib_lookup): the local table first, then the longest matching
     * prefix of the main table, the lowest metric breaking ties. A probe or a Service's packet
     * looks routes up several times per hop, so this walks the devices' addresses in place
     * rather than building both tables: the route it picks is the one the tables' FIB order picks.
     */
    public Optional<Route> lookup(Ipv4Address destination) {
        Route local = localRoute(destination);
        return local != null ? Optional.of(local) : Optional.ofNullable(mainRoute(destination));
    }

    /**
     * The longest local-table LOCAL route that covers {@code destination}, or null: a host route
     * per address of an up device, and lo's whole prefix. Of equally long ones the first in
     * device and address order, as the table's stable FIB order has it.
     */
    private Route localRoute(Ipv4Address destination) {
        Link bestLink = null;
        InterfaceAddress best = null;
        boolean bestIsHost = false;
        for (Link link : links.values()) {
            if (!link.isUp()) {
                continue;
            }
            for (InterfaceAddress a : link.addressList()) {
                if (a.ip().equals(destination) && (best == null || !bestIsHost)) {
                    bestLink = link;
                    best = a;
                    bestIsHost = true;
                }
                int prefix = a.address().prefixLength();
                if (link.kind() == LinkKind.LOOPBACK && prefix < 32 && a.address().contains(destination)
                        && (best == null || !bestIsHost && prefix > best.address().prefixLength())) {
                    bestLink = link;
                    best = a;
                }
            }
        }
        if (best == null) {
            return null;
        }
        return new Route(RouteType.LOCAL, bestIsHost ? Cidr.host(best.ip()) : best.address().network(), Optional.empty(),
                bestLink.name(), Optional.of(best.ip()), RouteProtocol.KERNEL, RouteScope.HOST, 0);
    }

    /** The main table's best route for {@code destination}, or null, without building the table. */
    private Route mainRoute(Ipv4Address destination) {
        Route best = null;
        for (Route r : staticRoutes) {
            if (r.destination().contains(destination)) {
                best = better(best, r);
            }
        }
        for (Link link : links.values()) {
            if (link.isUp() && link.kind() != LinkKind.LOOPBACK) {
                for (InterfaceAddress a : link.addressList()) {
                    if (a.address().prefixLength() < 32 && a.address().contains(destination)) {
                        best = better(best, Route.connected(a.address().network(), link.name(), a.ip()));
                    }
                }
            }
        }
        return best;
    }

    /** Longest prefix, then lowest metric; a full tie goes to the earlier in FIB order, then in the table. */
    private static Route better(Route best, Route candidate) {
        if (best == null) {
            return candidate;
        }
        int byPrefix = Integer.compare(candidate.destination().prefixLength(), best.destination().prefixLength());
        if (byPrefix != 0) {
            return byPrefix > 0 ? candidate : best;
        }
        int byMetric = Integer.compare(candidate.metric(), best.metric());
        if (byMetric != 0) {
            return byMetric < 0 ? candidate : best;
        }
        return FIB_ORDER.compare(candidate, best) < 0 ? candidate : best;
    }

    /** Every address assigned to a device here, up or not: what {@code addrtype LOCAL} matches against. */
    public Set<Ipv4Address> assignedAddresses() {
        Set<Ipv4Address> local = new HashSet<>();
        for (Link link : links.values()) {
            for (InterfaceAddress a : link.addressList()) {
                local.add(a.ip());
            }
        }
        return Set.copyOf(local);
    }

    /** The address the kernel would pick as the source for a packet leaving through {@code link}. */
    public Optional<Ipv4Address> preferredSource(Link link, Ipv4Address towards) {
        return link.addresses().stream()
                .filter(a -> a.address().network().contains(towards))
                .map(InterfaceAddress::ip)
                .findFirst()
                .or(() -> link.addresses().stream().map(InterfaceAddress::ip).findFirst());
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
