package org.laymanlabs.sandbox.net.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
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
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("The IPv4 stack carries packets hop by hop")
class Ipv4StackTest {

    private final Network network = new Network(new SplittableRandom(3));
    private final VirtualClock clock = new VirtualClock(java.time.Instant.parse("2026-11-26T09:00:00Z"));
    private final Map<NetworkNamespace, NetfilterHooks> rules = new HashMap<>();
    private final Ipv4Stack stack = new Ipv4Stack(network, ns -> rules.getOrDefault(ns, NetfilterHooks.ACCEPT_ALL));
    private final Connector connector = new Connector(stack, new SplittableRandom(5), clock);

    private NetworkNamespace namespace(String name) {
        NetworkNamespace ns = network.createNamespace(name, false);
        ns.setUp(ns.requireLink("lo"), true);
        return ns;
    }

    private static void address(NetworkNamespace ns, Link link, String cidr) {
        ns.addAddress(link, InterfaceAddress.withBroadcast(Cidr.parse(cidr), RouteScope.GLOBAL));
        ns.setUp(link, true);
    }

    private static void route(NetworkNamespace ns, String destination, String via) {
        Link device = ns.connectedRouteFor(Ipv4Address.parse(via)).map(r -> ns.requireLink(r.device())).orElseThrow();
        ns.addRoute(new Route(RouteType.UNICAST, Cidr.parse(destination), Optional.of(Ipv4Address.parse(via)),
                device.name(), Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
    }

    /** docker run: a veth pair, one end on docker0, the other as eth0 in the container. */
    private NetworkNamespace container(NetworkNamespace host, Link docker0, String name, String ip) {
        NetworkNamespace c = namespace(name);
        Link hostEnd = network.addVethPair(host, "veth-" + name, c, "eth0");
        network.enslave(hostEnd, docker0);
        host.setUp(hostEnd, true);
        address(c, c.requireLink("eth0"), ip + "/16");
        route(c, "0.0.0.0/0", "172.17.0.1");
        return c;
    }

    private static void serve(NetworkNamespace ns, int port, String name) {
        ns.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, port, name,
                (request, peer) -> name + " saw " + peer.address()));
    }

    @Nested
    @DisplayName("on one Docker host")
    class DockerHost {

        final NetworkNamespace host = namespace("host");
        final Link docker0 = network.addBridge(host, "docker0");
        final NetworkNamespace web;
        final NetworkNamespace client;

        DockerHost() {
            address(host, docker0, "172.17.0.1/16");
            host.setIpForward(true);
            web = container(host, docker0, "web", "172.17.0.2");
            client = container(host, docker0, "client", "172.17.0.3");
            serve(web, 80, "nginx");
        }

        @Test
        void containersOnOneBridgeTalkThroughItAndTheHostsForwardHookSeesTheFrame() {
            Exchange exchange = connector.exchange(client, Ipv4Address.parse("172.17.0.2"), 80, "GET /");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                    assertThat(answered.response()).isEqualTo("nginx saw 172.17.0.3"));
            assertThat(exchange.request().hooks()).containsExactly("client:OUTPUT", "client:POSTROUTING",
                    "host:PREROUTING", "host:FORWARD", "host:POSTROUTING", "web:PREROUTING", "web:INPUT");
            assertThat(exchange.request().events()).contains(new TraceEvent.Bridged("host", "docker0", "veth-client", "veth-web"));
        }

        @Test
        void theHostReachesAContainerByRoutingOutOfTheBridge() {
            Exchange exchange = connector.exchange(host, Ipv4Address.parse("172.17.0.2"), 80, "GET /");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                    assertThat(answered.response()).isEqualTo("nginx saw 172.17.0.1"));
            assertThat(exchange.request().namespaces()).containsExactly("host", "web");
        }

        @Test
        void aPortNobodyListensOnIsRefusedByAResetThatTravelsBack() {
            Exchange exchange = connector.exchange(client, Ipv4Address.parse("172.17.0.2"), 8080, "GET /");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, failed -> {
                assertThat(failed.refused()).isTrue();
                assertThat(failed.answer().orElseThrow().namespaces()).containsExactly("web", "host", "client");
                assertThat(failed.answer().orElseThrow().events().get(0)).isInstanceOfSatisfying(TraceEvent.Sent.class,
                        sent -> assertThat(sent.packet().tcpRst()).isTrue());
            });
        }

        @Test
        void anAddressNobodyOwnsIsUnreachableOnceArpGivesUp() {
            Exchange exchange = connector.exchange(client, Ipv4Address.parse("172.17.0.99"), 80, "GET /");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, failed -> {
                assertThat(failed.errno()).isEqualTo("No route to host");
                assertThat(failed.after()).isEqualTo(Duration.ofSeconds(3));
                // The kernel sends the ICMP host unreachable to itself, over loopback.
                assertThat(failed.answer().orElseThrow().namespaces()).containsExactly("client");
            });
            assertThat(exchange.request().events()).contains(
                    new TraceEvent.Dropped("client", "nobody on eth0 answers ARP for 172.17.0.99"));
        }

        @Test
        void aContainerReachesItselfOverLoopback() {
            serve(client, 5000, "app");

            Exchange exchange = connector.exchange(client, Ipv4Address.parse("127.0.0.1"), 5000, "ping");

            assertThat(exchange).isInstanceOf(Exchange.Answered.class);
            assertThat(exchange.request().hooks()).containsExactly("client:OUTPUT", "client:POSTROUTING",
                    "client:PREROUTING", "client:INPUT");
        }

        @Test
        void aDropInTheBridgesForwardHookSilencesContainerToContainerTraffic() {
            rules.put(host, (hook, ns, skb) -> hook == Hook.FORWARD
                    ? new HookResult(new HookVerdict.Drop("filter FORWARD policy DROP"), List.of())
                    : HookResult.ACCEPTED);

            Exchange exchange = connector.exchange(client, Ipv4Address.parse("172.17.0.2"), 80, "GET /");

            assertThat(exchange).isInstanceOf(Exchange.TimedOut.class);
            assertThat(exchange.request().events()).last().isEqualTo(new TraceEvent.Hooked("host", Hook.FORWARD,
                    List.of(), "DROP (filter FORWARD policy DROP)", ""));
        }
    }

    @Nested
    @DisplayName("between nodes, by plain routing (host-gw)")
    class TwoNodes {

        final NetworkNamespace node1 = namespace("node1");
        final NetworkNamespace node2 = namespace("node2");
        final NetworkNamespace podA;
        final NetworkNamespace podB;

        TwoNodes() {
            Link eth1 = network.addEthernet(node1, "eth0");
            Link eth2 = network.addEthernet(node2, "eth0");
            network.plugIntoSegment(eth1, "lan");
            network.plugIntoSegment(eth2, "lan");
            address(node1, eth1, "10.0.0.11/24");
            address(node2, eth2, "10.0.0.12/24");
            podA = pod(node1, "10.244.1", "a");
            podB = pod(node2, "10.244.2", "b");
            route(node1, "10.244.2.0/24", "10.0.0.12");
            route(node2, "10.244.1.0/24", "10.0.0.11");
            serve(podB, 8080, "app");
        }

        private NetworkNamespace pod(NetworkNamespace node, String subnet, String name) {
            Link cni0 = network.addBridge(node, "cni0");
            address(node, cni0, subnet + ".1/24");
            node.setIpForward(true);
            NetworkNamespace pod = namespace("pod-" + name);
            Link hostEnd = network.addVethPair(node, "veth" + name, pod, "eth0");
            network.enslave(hostEnd, cni0);
            node.setUp(hostEnd, true);
            address(pod, pod.requireLink("eth0"), subnet + ".2/24");
            route(pod, "0.0.0.0/0", subnet + ".1");
            return pod;
        }

        @Test
        void aPodReachesAPodOnAnotherNodeAndItsAddressArrivesUnchanged() {
            Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                    assertThat(answered.response()).isEqualTo("app saw 10.244.1.2"));
            assertThat(exchange.request().namespaces()).containsExactly("pod-a", "node1", "node2", "pod-b");
            assertThat(exchange.request().hooks()).containsSubsequence("node1:FORWARD", "node2:FORWARD");
        }

        @Test
        void aNodeWithForwardingOffDropsTrafficForOtherNodesPods() {
            node1.setIpForward(false);

            Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.TimedOut.class, timedOut ->
                    assertThat(timedOut.reason()).contains("ip_forward=0"));
        }

        @Test
        void withoutARouteToTheOtherPodNetworkTheNodeAnswersWithAnIcmpNetUnreachable() {
            node1.deleteRoute(Cidr.parse("10.244.2.0/24"));

            Exchange exchange = connector.exchange(podA, Ipv4Address.parse("10.244.2.2"), 8080, "hello");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, failed -> {
                assertThat(failed.errno()).isEqualTo("Network is unreachable");
                assertThat(failed.answer().orElseThrow().namespaces()).containsExactly("node1", "pod-a");
            });
        }

        @Test
        void aNamespaceWithoutADefaultRouteCannotReachTheWorld() {
            Exchange exchange = connector.exchange(node1, Ipv4Address.parse("8.8.8.8"), 53, "query");

            assertThat(exchange).isInstanceOfSatisfying(Exchange.Failed.class, failed ->
                    assertThat(failed.errno()).isEqualTo("Network is unreachable"));
        }
    }
}
