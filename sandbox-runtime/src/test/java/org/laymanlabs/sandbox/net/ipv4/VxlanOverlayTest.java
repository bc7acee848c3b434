package org.laymanlabs.sandbox.net.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;
import org.laymanlabs.sandbox.net.VxlanConfig;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.net.trace.TracePrinter;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Two nodes joined by flannel's VXLAN overlay: each node's pod network is reached through
 * flannel.1, whose packets travel wrapped in UDP across the nodes' own network.
 */
@DisplayName("A VXLAN overlay between two nodes")
class VxlanOverlayTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(3));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(4));
    private final Connector connector = new Connector(new Ipv4Stack(network, netfilters), new SplittableRandom(5), clock);
    private final NetworkNamespace podA;
    private final NetworkNamespace podB;

    VxlanOverlayTest() {
        NetworkNamespace node1 = node("node1", "10.0.0.11", "1");
        NetworkNamespace node2 = node("node2", "10.0.0.12", "2");
        podA = pod(node1, "1", "a");
        podB = pod(node2, "2", "b");
        overlay(node1, "10.0.0.11", "1", "2", "10.0.0.12");
        overlay(node2, "10.0.0.12", "2", "1", "10.0.0.11");
        podB.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 8080, "app", (r, peer) -> "app saw " + peer.address()));
    }

    private NetworkNamespace namespace(String name) {
        NetworkNamespace ns = network.createNamespace(name, false);
        ns.setUp(ns.requireLink("lo"), true);
        return ns;
    }

    private NetworkNamespace node(String name, String ip, String subnet) {
        NetworkNamespace node = namespace(name);
        Link eth0 = network.addEthernet(node, "eth0");
        network.plugIntoSegment(eth0, "lan");
        node.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse(ip + "/24"), RouteScope.GLOBAL));
        node.setUp(eth0, true);
        Link cni0 = network.addBridge(node, "cni0");
        node.addAddress(cni0, InterfaceAddress.withBroadcast(Cidr.parse("10.244." + subnet + ".1/24"), RouteScope.GLOBAL));
        node.setUp(cni0, true);
        node.setIpForward(true);
        return node;
    }

    private NetworkNamespace pod(NetworkNamespace node, String subnet, String name) {
        NetworkNamespace pod = namespace("pod-" + name);
        Link hostEnd = network.addVethPair(node, "veth" + name, pod, "eth0");
        network.enslave(hostEnd, node.requireLink("cni0"));
        node.setUp(hostEnd, true);
        Link eth0 = pod.requireLink("eth0");
        pod.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse("10.244." + subnet + ".2/24"), RouteScope.GLOBAL));
        pod.setUp(eth0, true);
        pod.addRoute(route("0.0.0.0/0", "10.244." + subnet + ".1", "eth0"));
        return pod;
    }

    /** What flannel's vxlan backend sets up: flannel.1 with a /32 address, a route per remote subnet, and its VTEP. */
    private void overlay(NetworkNamespace node, String localIp, String subnet, String remoteSubnet, String remoteIp) {
        Link flannel = network.addVxlan(node, "flannel.1", 1450);
        node.addAddress(flannel, new InterfaceAddress(Cidr.parse("10.244." + subnet + ".0/32"), Optional.empty(),
                RouteScope.GLOBAL));
        node.setUp(flannel, true);
        network.configureVxlan(flannel, new VxlanConfig(1, Ipv4Address.parse(localIp), VxlanConfig.FLANNEL_PORT,
                Map.of(Ipv4Address.parse("10.244." + remoteSubnet + ".0"), Ipv4Address.parse(remoteIp))));
        node.addRoute(route("10.244." + remoteSubnet + ".0/24", "10.244." + remoteSubnet + ".0", "flannel.1"));
    }

    private static Route route(String destination, String via, String device) {
        return new Route(RouteType.UNICAST, Cidr.parse(destination), Optional.of(Ipv4Address.parse(via)), device,
                Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0);
    }

    @Test
    void aPodReachesAPodOnTheOtherNodeThroughTheTunnelWithItsAddressIntact() {
        Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                assertThat(answered.response()).isEqualTo("app saw 10.244.1.2"));
        assertThat(exchange.request().events()).anySatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(TraceEvent.Encapsulated.class, wrapped -> {
                    assertThat(wrapped.namespace()).isEqualTo("node1");
                    assertThat(wrapped.vni()).isEqualTo(1);
                    assertThat(wrapped.outer().destination()).isEqualTo(Ipv4Address.parse("10.0.0.12"));
                    assertThat(wrapped.outer().destinationPort()).isEqualTo(8472);
                }));
        assertThat(exchange.request().events()).contains(new TraceEvent.Decapsulated("node2", "flannel.1", 1));
    }

    @Test
    void theTraceShowsTheOuterPacketCrossingTheNodesNetwork() {
        Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

        String printed = TracePrinter.print("The first packet:", exchange.request());

        assertThat(printed).containsSubsequence(
                "node1  route: 10.244.2.0/24 via 10.244.2.0 dev flannel.1  => out flannel.1, next hop 10.244.2.0",
                "node1  VXLAN flannel.1 (VNI 1) wraps it in udp 10.0.0.11:",
                "-> 10.0.0.12:8472",
                "node1  leaves by eth0, arrives in node2 on eth0",
                "node2  delivered to udp 0.0.0.0:8472 (vxlan flannel.1)",
                "node2  VXLAN flannel.1 (VNI 1) unwraps the inner packet",
                "pod-b  delivered to tcp 0.0.0.0:8080 (app)");
    }

    @Test
    void withoutAForwardingEntryTheTunnelHasNowhereToSendIt() {
        NetworkNamespace node1 = network.namespace("node1").orElseThrow();
        network.configureVxlan(node1.requireLink("flannel.1"),
                new VxlanConfig(1, Ipv4Address.parse("10.0.0.11"), VxlanConfig.FLANNEL_PORT, Map.of()));

        Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

        assertThat(exchange).isInstanceOf(Exchange.TimedOut.class);
    }
}
