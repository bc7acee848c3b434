package org.laymanlabs.sandbox.kube.cni;

import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
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

/**
 * The network the nodes' machines share, as kind makes it (pkg/cluster/internal/providers/docker/
 * network.go): a Docker bridge network on the host, br- and twelve hex digits with 172.18.0.1/16,
 * each node a container on it with eth0 at its address and a default route to the gateway. The
 * host's side is where the bridge lives, so the host reaches every node directly, as a laptop
 * running kind does.
 */
public final class NodeLan {

    public static final Cidr GATEWAY = Cidr.parse("172.18.0.1/16");

    private final Network network;
    private final NetworkNamespace host;
    private final RandomGenerator random;
    private final Link bridge;

    public NodeLan(Network network, NetworkNamespace host, RandomGenerator random) {
        this.network = network;
        this.host = host;
        this.random = random;
        this.bridge = network.addBridge(host, "br-" + hex(6));
        host.addAddress(bridge, InterfaceAddress.withBroadcast(GATEWAY, RouteScope.GLOBAL));
        host.setUp(bridge, true);
    }

    public NetworkNamespace host() {
        return host;
    }

    /**
     * A node's machine: its own namespace with lo up, eth0 on the LAN at the node's address, and
     * ip_forward on (the kind node image sets it, and pod traffic is routed through the node).
     */
    public NetworkNamespace addNode(NodeConfig node) {
        NetworkNamespace machine = network.createNamespace(node.name(), false);
        machine.setUp(machine.requireLink("lo"), true);
        Link hostEnd = network.addVethPair(host, vethName(), machine, "eth0");
        network.enslave(hostEnd, bridge);
        host.setUp(hostEnd, true);
        Link eth0 = machine.requireLink("eth0");
        machine.addAddress(eth0, InterfaceAddress.withBroadcast(
                new Cidr(Ipv4Address.parse(node.internalIp()), GATEWAY.prefixLength()), RouteScope.GLOBAL));
        machine.setUp(eth0, true);
        machine.addRoute(new Route(RouteType.UNICAST, Cidr.parse("0.0.0.0/0"), Optional.of(GATEWAY.address()), "eth0",
                Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
        machine.setIpForward(true);
        return machine;
    }

    /** libnetwork's netutils.GenerateIfaceName("veth", 7), as Docker names a container's host end. */
    private String vethName() {
        while (true) {
            String name = "veth" + hex(4).substring(0, 7);
            if (host.link(name).isEmpty()) {
                return name;
            }
        }
    }

    private String hex(int bytes) {
        byte[] drawn = new byte[bytes];
        random.nextBytes(drawn);
        return HexFormat.of().formatHex(drawn);
    }
}
