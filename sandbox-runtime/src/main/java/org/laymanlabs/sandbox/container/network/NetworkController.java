package org.laymanlabs.sandbox.container.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors moby daemon/libnetwork/controller.go with the bridge driver: the engine's networks
 * (bridge, host, none and the user's), and joining a container's namespace to one of them with a
 * veth pair, an address from IPAM and a default route, as bocker does by hand.
 */
public final class NetworkController {

    private static final Cidr DEFAULT_BRIDGE = Cidr.parse("172.17.0.1/16");
    private static final String HEX = "0123456789abcdef";

    private final Network network;
    private final NetworkNamespace host;
    private final VirtualClock clock;
    private final Ids ids;
    private final DockerFirewall firewall;
    private final PortPublisher ports;
    private final Map<String, DockerNetwork> networks = new LinkedHashMap<>();

    /** A source of 64-hex IDs (RandomIds::next); serializable, as the controller is part of a sandbox's checkpoint. */
    @FunctionalInterface
    public interface Ids extends Supplier<String>, java.io.Serializable {
    }

    /**
     * @param ids a source of 64-hex IDs, seeded like every ID of the sandbox
     */
    public NetworkController(Network network, NetworkNamespace host, Netfilter hostNetfilter, Connector connector,
                             VirtualClock clock, Ids ids) {
        this.network = network;
        this.host = host;
        this.clock = clock;
        this.ids = ids;
        this.firewall = new DockerFirewall(new Iptables(hostNetfilter));
        this.ports = new PortPublisher(host, connector, firewall);
    }

    /** What dockerd does at start: its chains, docker0 with 172.17.0.1/16, and the host and none networks. */
    public void start() {
        firewall.createChains();
        host.setIpForward(true);
        addBridge("bridge", "docker0", DEFAULT_BRIDGE, false);
        networks.put("host", new DockerNetwork(ids.get(), "host", DockerNetwork.Driver.HOST, clock.now(), null, null, false));
        networks.put("none", new DockerNetwork(ids.get(), "none", DockerNetwork.Driver.NULL, clock.now(), null, null, false));
    }

    /** {@code docker network create NAME}: a br-<id> bridge on the next free 172.x.0.0/16. */
    public DockerNetwork create(String name) {
        return create(NetworkCreateRequest.named(name));
    }

    /**
     * {@code docker network create}: a br-<id> bridge on the requested subnet and gateway, or on
     * the next free default pool; moby's checks in its order (name, IPAM config, driver, overlap).
     */
    public DockerNetwork create(NetworkCreateRequest request) {
        if (networks.containsKey(request.name())) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "network with name " + request.name()
                    + " already exists");
        }
        request.subnet().ifPresent(subnet -> checkIpamConfig(subnet, request.gateway()));
        BridgeDriverOnly.check(request.driver());
        Cidr subnet = request.subnet().map(this::checkNoOverlap).orElseGet(this::nextFreePool);
        Ipv4Address gateway = request.gateway().orElse(subnet.nth(1));
        String id = ids.get();
        return addBridge(request.name(), "br-" + id.substring(0, 12), new Cidr(gateway, subnet.prefixLength()), true, id);
    }

    /** api/types/network ValidateIPAM: a subnet is written as its network address, and holds its gateway. */
    private static void checkIpamConfig(Cidr subnet, Optional<Ipv4Address> gateway) {
        if (!subnet.equals(subnet.network())) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid subnet " + subnet
                    + ": it should be " + subnet.network());
        }
        gateway.filter(g -> !subnet.contains(g)).ifPresent(g -> {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid gateway " + g
                    + ": it must be in subnet " + subnet);
        });
    }

    /** The default IPAM's address space: no two networks may share an address. */
    private Cidr checkNoOverlap(Cidr subnet) {
        if (networks.values().stream().anyMatch(n -> n.subnet().filter(s -> overlap(s, subnet)).isPresent())) {
            throw new DaemonException(DaemonException.Kind.FORBIDDEN,
                    "invalid pool request: Pool overlaps with other one on this address space");
        }
        return subnet;
    }

    private static boolean overlap(Cidr a, Cidr b) {
        return a.contains(b.network().address()) || b.contains(a.network().address());
    }

    private DockerNetwork addBridge(String name, String bridgeName, Cidr gateway, boolean userDefined) {
        return addBridge(name, bridgeName, gateway, userDefined, ids.get());
    }

    private DockerNetwork addBridge(String name, String bridgeName, Cidr gateway, boolean userDefined, String id) {
        Link bridge = network.addBridge(host, bridgeName);
        host.addAddress(bridge, InterfaceAddress.withBroadcast(gateway, RouteScope.GLOBAL));
        host.setUp(bridge, true);
        firewall.addNetwork(bridgeName, gateway.network());
        DockerNetwork created = new DockerNetwork(id, name, DockerNetwork.Driver.BRIDGE, clock.now(), bridgeName,
                new Ipam(gateway.network(), gateway.address()), userDefined);
        networks.put(name, created);
        return created;
    }

    /**
     * The default address pools: 172.17/16 is docker0's, user networks take 172.18/16, 172.19/16…
     * skipping any pool that overlaps a route the host already has (libnetwork's
     * netutils.CheckRouteOverlaps), such as a VPN's or a local cluster's network.
     */
    private Cidr nextFreePool() {
        for (int second = 18; second <= 31; second++) {
            Cidr candidate = Cidr.parse("172." + second + ".0.0/16");
            boolean taken = networks.values().stream().anyMatch(n -> n.subnet().filter(s -> overlap(s, candidate)).isPresent())
                    || host.routes().stream().anyMatch(r -> r.destination().prefixLength() > 0 && overlap(r.destination(), candidate));
            if (!taken) {
                return candidate;
            }
        }
        throw new DaemonException(DaemonException.Kind.FORBIDDEN,
                "all predefined address pools have been fully subnetted");
    }

    /** {@code docker network rm}: only a user's network with no containers attached. */
    public DockerNetwork remove(String nameOrId) {
        DockerNetwork target = find(nameOrId);
        if (!target.isUserDefined()) {
            throw new DaemonException(DaemonException.Kind.FORBIDDEN,
                    target.name() + " is a pre-defined network and cannot be removed");
        }
        if (!target.endpoints().isEmpty()) {
            Endpoint first = target.endpoints().iterator().next();
            throw new DaemonException(DaemonException.Kind.FORBIDDEN, "error while removing network: network "
                    + target.name() + " has active endpoints (name:\"" + first.dnsNames().get(0) + "\" id:\""
                    + first.id().substring(0, 12) + "\")");
        }
        String bridge = target.bridgeName().orElseThrow();
        firewall.removeNetwork(bridge, target.subnet().orElseThrow());
        network.deleteLink(host.requireLink(bridge));
        networks.remove(target.name());
        return target;
    }

    /** By name, full ID or unique ID prefix, as moby's FindNetwork. */
    public DockerNetwork find(String nameOrId) {
        DockerNetwork byName = networks.get(nameOrId);
        if (byName != null) {
            return byName;
        }
        List<DockerNetwork> byId = networks.values().stream().filter(n -> n.id().startsWith(nameOrId)).toList();
        if (byId.size() == 1 && !nameOrId.isEmpty()) {
            return byId.get(0);
        }
        throw new DaemonException(DaemonException.Kind.NOT_FOUND, "network " + nameOrId + " not found");
    }

    public List<DockerNetwork> networks() {
        return new ArrayList<>(networks.values());
    }

    /** The host's namespace, which {@code --network host} containers share. */
    public NetworkNamespace hostNamespace() {
        return host;
    }

    /** A fresh namespace for a container, lo up, as runc's CLONE_NEWNET leaves it once started. */
    public NetworkNamespace createNamespace(String sandboxKey) {
        NetworkNamespace ns = network.createNamespace(sandboxKey, false);
        ns.setUp(ns.requireLink("lo"), true);
        return ns;
    }

    public void deleteNamespace(NetworkNamespace ns) {
        network.deleteNamespace(ns);
    }

    /**
     * Joins a container's namespace to a bridge network: a veth pair with the host end on the
     * bridge and the other as eth0 (ethN for further networks), an address, and a default route.
     */
    public Endpoint connect(NetworkNamespace ns, String containerId, String containerName, DockerNetwork target) {
        Ipv4Address address = target.ipam().allocate().orElseThrow(() -> new DaemonException(
                DaemonException.Kind.FORBIDDEN, "no available IPv4 addresses on this network's address pools: "
                        + target.name() + " (" + target.id() + ")"));
        String inside = firstFreeEth(ns);
        Link hostEnd = network.addVethPair(host, vethName(), ns, inside);
        network.enslave(hostEnd, host.requireLink(target.bridgeName().orElseThrow()));
        host.setUp(hostEnd, true);
        Link eth = ns.requireLink(inside);
        ns.addAddress(eth, InterfaceAddress.withBroadcast(new Cidr(address, target.subnet().orElseThrow().prefixLength()),
                RouteScope.GLOBAL));
        ns.setUp(eth, true);
        addDefaultRouteIfNone(ns, target, inside);
        List<String> names = target.isUserDefined() ? List.of(containerName, containerId.substring(0, 12)) : List.of(containerName);
        Endpoint endpoint = new Endpoint(ids.get(), containerId, target, address, eth.mac(), hostEnd.name(), names);
        target.add(endpoint);
        return endpoint;
    }

    /**
     * After a container leaves the network its default route went through, libnetwork's sandbox
     * moves the gateway to one of the endpoints left (sandbox.go, updateGateway).
     */
    public void routeThroughIfNoGateway(NetworkNamespace ns, Endpoint endpoint) {
        ns.links().stream().filter(l -> l.mac().equals(endpoint.mac())).findFirst()
                .ifPresent(eth -> addDefaultRouteIfNone(ns, endpoint.network(), eth.name()));
    }

    private static void addDefaultRouteIfNone(NetworkNamespace ns, DockerNetwork target, String device) {
        if (ns.routes().stream().noneMatch(Route::isDefault)) {
            ns.addRoute(new Route(RouteType.UNICAST, Cidr.parse("0.0.0.0/0"), target.gateway(), device,
                    Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
        }
    }

    /** eth0 for the first network, then the lowest name no other network's interface holds. */
    private static String firstFreeEth(NetworkNamespace ns) {
        for (int n = 0; ; n++) {
            if (ns.link("eth" + n).isEmpty()) {
                return "eth" + n;
            }
        }
    }

    /** Undoes {@link #connect}: the veth pair goes, and the address returns to the pool. */
    public void disconnect(Endpoint endpoint) {
        host.link(endpoint.hostVeth()).ifPresent(network::deleteLink);
        endpoint.network().ipam().release(endpoint.address());
        endpoint.network().remove(endpoint.containerId());
    }

    /** Publishes a port of a bridge endpoint; returns it with its host port as allocated. */
    public PortMapping publish(Endpoint endpoint, PortMapping port) {
        return ports.publish(endpoint, port);
    }

    public void unpublish(Endpoint endpoint, PortMapping port) {
        ports.unpublish(endpoint, port);
    }

    /** netutils.GenerateIfaceName("veth", 7): seven random hex digits, retried if taken. */
    private String vethName() {
        while (true) {
            String id = ids.get();
            String name = "veth" + id.substring(id.length() - 7);
            if (host.link(name).isEmpty()) {
                return name;
            }
        }
    }
}
