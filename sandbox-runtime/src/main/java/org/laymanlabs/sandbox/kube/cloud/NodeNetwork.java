package org.laymanlabs.sandbox.kube.cloud;

import java.util.HexFormat;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.cni.NodeLan;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.LinkKind;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/**
 * The cloud's side of the nodes' network: where a load balancer gets its leg towards the nodes,
 * a port on the node LAN's switch (the bridge in the node-lan namespace) and an address from the
 * top of 192.168.49.0/24, far from the nodes, which count up from .2.
 */
final class NodeNetwork {

    private static final int HIGHEST = 254;

    private final Network network;
    private final NetworkNamespace lan;
    private final Link bridge;
    private final RandomGenerator random;
    private int next = HIGHEST;

    NodeNetwork(Network network, RandomGenerator random) {
        this.network = network;
        this.random = random;
        this.lan = network.namespace("node-lan").orElseThrow(() -> new IllegalStateException("no node LAN"));
        this.bridge = lan.links().stream().filter(l -> l.kind() == LinkKind.BRIDGE).findFirst().orElseThrow();
    }

    /** A card named {@code card} in {@code machine}, cabled to a new port of the switch. */
    Link plug(NetworkNamespace machine, String card) {
        String port;
        do {
            byte[] drawn = new byte[4];
            random.nextBytes(drawn);
            port = "veth" + HexFormat.of().formatHex(drawn).substring(0, 7);
        } while (lan.link(port).isPresent());
        Link switchPort = network.addVethPair(lan, port, machine, card);
        network.enslave(switchPort, bridge);
        lan.setUp(switchPort, true);
        return machine.requireLink(card);
    }

    /** The next address from the top of the node LAN. */
    Cidr allocate() {
        Cidr address = new Cidr(NodeLan.GATEWAY.network().nth(next--), NodeLan.GATEWAY.prefixLength());
        return address;
    }
}
