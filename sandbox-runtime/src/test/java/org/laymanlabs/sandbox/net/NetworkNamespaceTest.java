package org.laymanlabs.sandbox.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkNamespaceTest {

    private final Network network = new Network(new SplittableRandom(1));
    private final NetworkNamespace node = network.createNamespace("node", true);
    private final Link eth0 = network.addEthernet(node, "eth0");

    NetworkNamespaceTest() {
        node.setUp(node.requireLink("lo"), true);
        node.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse("10.0.0.2/24"), RouteScope.GLOBAL));
        node.setUp(eth0, true);
    }

    private Route via(String destination, String gateway, int metric) {
        return new Route(RouteType.UNICAST, Cidr.parse(destination), Optional.of(Ipv4Address.parse(gateway)), "eth0",
                Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, metric);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        node.addRoute(via("0.0.0.0/0", "10.0.0.1", 0));
        node.addRoute(via("10.244.0.0/16", "10.0.0.3", 0));
        node.addRoute(via("10.244.1.0/24", "10.0.0.4", 0));

        assertThat(node.lookup(Ipv4Address.parse("10.244.1.9")).orElseThrow().via()).hasValue(Ipv4Address.parse("10.0.0.4"));
        assertThat(node.lookup(Ipv4Address.parse("10.244.2.9")).orElseThrow().via()).hasValue(Ipv4Address.parse("10.0.0.3"));
        assertThat(node.lookup(Ipv4Address.parse("1.1.1.1")).orElseThrow().isDefault()).isTrue();
    }

    @Test
    void amongEqualPrefixesTheLowestMetricWins() {
        node.addRoute(via("10.6.0.0/16", "10.0.0.7", 100));
        node.addRoute(via("10.6.0.0/16", "10.0.0.8", 50));

        assertThat(node.lookup(Ipv4Address.parse("10.6.0.1")).orElseThrow().metric()).isEqualTo(50);
    }

    @Test
    void ownAddressesAndTheLoopbackNetAreLocal() {
        assertThat(node.isLocal(Ipv4Address.parse("10.0.0.2"))).isTrue();
        assertThat(node.isLocal(Ipv4Address.parse("127.0.0.53"))).isTrue();
        assertThat(node.isLocal(Ipv4Address.parse("10.0.0.3"))).isFalse();
        assertThat(node.lookup(Ipv4Address.parse("10.0.0.2")).orElseThrow().type()).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void withoutAMatchingRouteTheNetworkIsUnreachable() {
        assertThat(node.lookup(Ipv4Address.parse("8.8.8.8"))).isEmpty();
    }

    @Test
    void movingAVethEndIntoAnotherNamespaceTakesItDownAndClearsItsAddresses() {
        NetworkNamespace pod = network.createNamespace("pod", false);
        Link veth = network.addVethPair(node, "veth1", node, "eth1");
        Link podEnd = veth.peer().orElseThrow();
        node.addAddress(podEnd, InterfaceAddress.withBroadcast(Cidr.parse("10.244.0.5/24"), RouteScope.GLOBAL));
        node.setUp(podEnd, true);

        network.moveLink(podEnd, pod);

        assertThat(podEnd.namespace()).isSameAs(pod);
        assertThat(podEnd.isUp()).isFalse();
        assertThat(podEnd.addresses()).isEmpty();
        assertThat(node.link("eth1")).isEmpty();
    }

    @Test
    void deletingOneVethEndDeletesItsPeer() {
        Link veth = network.addVethPair(node, "veth1", node, "eth1");

        network.deleteLink(veth);

        assertThat(node.link("veth1")).isEmpty();
        assertThat(node.link("eth1")).isEmpty();
    }

    @Test
    void loopbackCannotBeDeleted() {
        assertThatThrownBy(() -> network.deleteLink(node.requireLink("lo")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }
}
