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
 * The network the nodes' machines share, shaped as minikube's "kic" network (192.168.49.0/24,
 * the gateway at .1, nodes from .2; kind's 172.18/16 would take Docker's second default address
 * pool from the learner's own `docker network create`): each node with eth0 at its address and a
 * default route to the gateway. The switch is a bridge in a namespace of its own, so that the
 * nodes' traffic to each other is switched there and not through the learner machine's bridge
 * netfilter, whose FORWARD chain is Docker's (policy DROP) and knows nothing of this network.
 * The host joins the switch as a second network card, eth1, holding the gateway address, so it
 * reaches every node directly, as a laptop running kind does.
 */
public final class NodeLan {

    public static final Cidr GATEWAY = Cidr.parse("192.168.49.1/24");

    private final Network network;
    private final NetworkNamespace host;
    private final RandomGenerator random;
    private final NetworkNamespace lan;
    private final Link bridge;

    public NodeLan(Network network, NetworkNamespace host, RandomGenerator random) {
        this.network = network;
        this.host = host;
        this.random = random;
        this.lan = network.createNamespace("node-lan", false);
        lan.setUp(lan.requireLink("lo"), true);
        this.bridge = network.addBridge(lan, "br-" + hex(6));
        lan.setUp(bridge, true);
        Link uplink = plug(host, "eth1");
        host.addAddress(uplink, InterfaceAddress.withBroadcast(GATEWAY, RouteScope.GLOBAL));
        host.setUp(uplink, true);
    }

    /** A card in {@code machine} whose cable ends in a port of the switch. */
    private Link plug(NetworkNamespace machine, String card) {
        Link port = network.addVethPair(lan, vethName(), machine, card);
        network.enslave(port, bridge);
        lan.setUp(port, true);
        return machine.requireLink(card);
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
        Link eth0 = plug(machine, "eth0");
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
            if (lan.link(name).isEmpty()) {
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
