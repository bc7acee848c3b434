package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.netfilter.HookResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.Packet;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.netfilter.RejectTarget;
import org.laymanlabs.sandbox.net.netfilter.Verdict;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The Proxier against a real API server: Services and EndpointSlices written through it turn
 * into rules in the node's netfilter, and packets walked through the hooks as the kernel's
 * forward path does (PREROUTING, FORWARD, POSTROUTING) reach the endpoints. The node is
 * 192.168.0.10 on eth0 and 10.244.1.1 on cni0; pods live in 10.244.0.0/16.
 */
@DisplayName("kube-proxy on a node")
class ProxierTest {

    static final Set<Ipv4Address> NODE_ADDRESSES = Set.of(Ipv4Address.parse("192.168.0.10"), Ipv4Address.parse("10.244.1.1"));

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    final SplittableRandom random = new SplittableRandom(7);
    ApiServer api;
    Netfilter netfilter;
    Proxier proxier;

    @BeforeEach
    void cluster() {
        EtcdCluster etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()));
        netfilter = new Netfilter(clock, new SplittableRandom(3));
        proxier = new Proxier(api, "worker-1", List.of("192.168.0.10"), "10.244.0.0/16", netfilter, clock);
    }

    Service service(String name, String clusterIp, Integer nodePort) {
        return api.await(api.create(new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withType(nodePort == null ? "ClusterIP" : "NodePort").withClusterIP(clusterIp)
                .addToSelector("app", name)
                .addNewPort().withName("http").withProtocol("TCP").withPort(80).withNodePort(nodePort)
                .withNewTargetPort(8080).endPort().endSpec().build()));
    }

    EndpointSlice slice(String service, String... ips) {
        EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withName(service + "-abcde")
                .withNamespace("default").addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType("IPv4").addNewPort().withName("http").withProtocol("TCP").withPort(8080).endPort();
        for (String ip : ips) {
            slice.addNewEndpoint().withAddresses(ip).withNewConditions().withReady(true).withServing(true)
                    .withTerminating(false).endConditions().endEndpoint();
        }
        return api.await(api.create(slice.build()));
    }

    String save() {
        return new IptablesSaveCommand(netfilter).run(new Invocation(List.of("-t", "nat"), "", null)).stdout();
    }

    /** A packet arriving on {@code device} and forwarded to the pod network, as ip_forward does. */
    HookResult forward(String source, int sourcePort, String destination, int port, String device) {
        Packet packet = Packet.of(PacketHeader.tcp(source, sourcePort, destination, port)).arrivingOn(device)
                .withLocalAddresses(NODE_ADDRESSES);
        HookResult pre = netfilter.hook(Hook.PREROUTING, packet);
        HookResult fwd = netfilter.hook(Hook.FORWARD, pre.packet().leavingOn("cni0", Ipv4Address.parse("10.244.1.1")));
        return fwd.accepted() ? netfilter.hook(Hook.POSTROUTING, fwd.packet()) : fwd;
    }

    static String leavesAs(HookResult result) {
        PacketHeader h = result.packet().header();
        return h.source() + " -> " + h.destination() + ":" + h.destinationPort();
    }

    @Test
    void aServiceAndItsSliceBecomeRulesAtTheNextSync() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(proxier.lastError()).isEmpty();
        String chain = new ServicePortName("default", "web", "http", "TCP").svcChain();
        assertThat(save()).contains("-A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment \"default/web:http cluster IP\""
                + " -m tcp --dport 80 -j " + chain + "\n");
    }

    @Test
    void aPodReachesTheEndpointUnmasqueradedAndAnOffClusterClientIsMasqueraded() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(leavesAs(forward("10.244.1.7", 40000, "10.96.0.50", 80, "cni0")))
                .isEqualTo("10.244.1.7 -> 10.244.2.5:8080");
        assertThat(leavesAs(forward("192.168.0.50", 40000, "10.96.0.50", 80, "eth0")))
                .isEqualTo("10.244.1.1 -> 10.244.2.5:8080");
    }

    @Test
    void aNodePortOnTheNodeIpReachesAnEndpointMasqueraded() {
        service("web", "10.96.0.50", 30080);
        slice("web", "10.244.2.5", "10.244.3.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.add(leavesAs(forward("192.168.0.50", 40000 + i, "192.168.0.10", 30080, "eth0")));
        }
        assertThat(seen).containsExactlyInAnyOrder("10.244.1.1 -> 10.244.2.5:8080", "10.244.1.1 -> 10.244.3.5:8080");
    }

    @Test
    void aServiceWhoseEndpointsAreGoneIsRejected() {
        service("web", "10.96.0.50", null);
        slice("web");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        HookResult result = forward("10.244.1.7", 40000, "10.96.0.50", 80, "cni0");
        assertThat(result.verdict()).isEqualTo(new Verdict.Reject(RejectTarget.Type.ICMP_PORT_UNREACHABLE));
        assertThat(save()).doesNotContain("KUBE-SVC-");
    }

    @Test
    void aChangeWithinOneSecondOfASyncWaitsForMinSyncPeriod() {
        service("web", "10.96.0.50", null);
        Instant firstSync = clock.now();
        proxier.start();
        clock.advance(Duration.ofMillis(100));
        slice("web", "10.244.2.5");
        assertThat(clock.now()).isBefore(firstSync.plus(Proxier.MIN_SYNC_PERIOD));

        clock.advance(Duration.between(clock.now(), firstSync.plus(Proxier.MIN_SYNC_PERIOD)).minusMillis(1));
        assertThat(save()).doesNotContain("KUBE-SVC-");
        clock.advance(Duration.ofMillis(1));
        assertThat(save()).contains("KUBE-SVC-");
    }

    @Test
    void aDeletedServiceLosesItsChains() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        api.await(api.delete(org.laymanlabs.sandbox.kube.api.ApiResources.SERVICES, "default", "web", null, null));
        clock.advance(Duration.ofSeconds(2));

        assertThat(proxier.lastError()).isEmpty();
        assertThat(save()).doesNotContain("KUBE-SVC-", "KUBE-SEP-");
    }

    @Test
    void theJumpRulesAreEnsuredOnceNotOncePerSync() {
        service("web", "10.96.0.50", null);
        proxier.start();
        clock.advance(Duration.ofSeconds(1));
        slice("web", "10.244.2.5");
        clock.advance(Duration.ofSeconds(2));

        assertThat(save().lines().filter(l -> l.startsWith("-A PREROUTING"))).containsExactly(
                "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
    }

    @Test
    void clientIpAffinityKeepsEveryConnectionOfAClientOnOneEndpoint() {
        Service web = service("web", "10.96.0.50", null);
        web.getSpec().setSessionAffinity("ClientIP");
        api.await(api.update(web));
        slice("web", "10.244.2.5", "10.244.3.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(1));
            seen.add(leavesAs(forward("10.244.1.7", 41000 + i, "10.96.0.50", 80, "cni0")));
        }
        assertThat(seen).hasSize(1);
        String endpoint = seen.iterator().next().replaceAll(".* -> ", "");
        String sep = new ServicePortName("default", "web", "http", "TCP").sepChain(endpoint);
        assertThat(netfilter.recentList(sep).addresses()).containsExactly(Ipv4Address.parse("10.244.1.7"));
    }

    @Test
    void endpointsThatAreNotReadyGetNoTraffic() {
        service("web", "10.96.0.50", null);
        EndpointSlice slice = slice("web", "10.244.2.5", "10.244.3.5");
        slice.getEndpoints().get(0).getConditions().setReady(false);
        api.await(api.update(slice));
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(leavesAs(forward("10.244.1.7", 42000 + i, "10.96.0.50", 80, "cni0")));
        }
        assertThat(seen).containsExactly("10.244.1.7 -> 10.244.3.5:8080");
    }

    int iptables(String... args) {
        return new org.laymanlabs.sandbox.net.iptables.IptablesCommand(netfilter).run(new Invocation(List.of(args), "", null))
                .exitCode();
    }

    @Test
    void rulesFlushedUnderItComeBackWhenTheCanaryIsFoundGone() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));
        assertThat(new IptablesSaveCommand(netfilter).run(new Invocation(List.of("-t", "mangle"), "", null)).stdout())
                .contains(":KUBE-PROXY-CANARY - [0:0]");

        for (String table : List.of("mangle", "nat", "filter")) {
            assertThat(iptables("-t", table, "-F")).isZero();
            assertThat(iptables("-t", table, "-X")).isZero();
        }
        assertThat(save()).doesNotContain("KUBE-");
        clock.advance(Canary.SYNC_PERIOD);

        assertThat(save()).contains("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                ":KUBE-PROXY-CANARY - [0:0]", "-j " + new ServicePortName("default", "web", "http", "TCP").svcChain());
        assertThat(leavesAs(forward("10.244.1.7", 43000, "10.96.0.50", 80, "cni0"))).isEqualTo("10.244.1.7 -> 10.244.2.5:8080");
    }

    @Test
    void withoutChangesItStillSyncsOnceAnHour() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));
        String svc = new ServicePortName("default", "web", "http", "TCP").svcChain();
        assertThat(iptables("-t", "nat", "-D", "KUBE-SERVICES", "1")).isZero();
        clock.advance(Duration.ofMinutes(59));
        assertThat(save()).doesNotContain("-j " + svc);

        clock.advance(Duration.ofMinutes(1));
        assertThat(save()).contains("--dport 80 -j " + svc + "\n");
    }

    @Test
    void aRestoreThatFailsIsRetriedAfterThirtySeconds() {
        service("web", "10.96.0.50", null);
        slice("web", "10.244.2.5");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));
        String svc = new ServicePortName("default", "web", "http", "TCP").svcChain();
        assertThat(iptables("-t", "nat", "-A", "OUTPUT", "-j", svc)).isZero();

        api.await(api.delete(org.laymanlabs.sandbox.kube.api.ApiResources.SERVICES, "default", "web", null, null));
        clock.advance(Duration.ofSeconds(2));
        assertThat(proxier.lastError()).isNotEmpty();
        assertThat(save()).contains(":" + svc);

        assertThat(iptables("-t", "nat", "-D", "OUTPUT", "-j", svc)).isZero();
        clock.advance(Canary.SYNC_PERIOD);
        assertThat(proxier.lastError()).isEmpty();
        assertThat(save()).doesNotContain(svc);
    }

    /** A slice whose endpoints say which node they run on: "10.244.1.5@worker-1". */
    EndpointSlice sliceOn(String service, String... ipsAtNodes) {
        EndpointSliceBuilder slice = new EndpointSliceBuilder().withNewMetadata().withName(service + "-abcde")
                .withNamespace("default").addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType("IPv4").addNewPort().withName("http").withProtocol("TCP").withPort(8080).endPort();
        for (String ipAtNode : ipsAtNodes) {
            String[] parts = ipAtNode.split("@");
            slice.addNewEndpoint().withAddresses(parts[0]).withNodeName(parts[1]).withNewConditions().withReady(true)
                    .endConditions().endEndpoint();
        }
        return api.await(api.create(slice.build()));
    }

    int nextSourcePort = 44000;

    /** Where 40 new connections end up (each from a port of its own, so that conntrack has no entry for it yet). */
    Set<String> destinations(String source, String destination, int port, String device) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            HookResult result = forward(source, nextSourcePort++, destination, port, device);
            seen.add(result.accepted() ? leavesAs(result) : result.verdict() instanceof Verdict.Drop ? "DROP" : result.verdict().toString());
        }
        return seen;
    }

    @Test
    void externalTrafficPolicyLocalKeepsTheClientsAddressAndSendsNodePortTrafficOnlyToThisNodesPod() {
        Service web = service("web", "10.96.0.50", 30080);
        web.getSpec().setExternalTrafficPolicy("Local");
        api.await(api.update(web));
        sliceOn("web", "10.244.1.5@worker-1", "10.244.2.5@worker-2");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(destinations("192.168.0.50", "192.168.0.10", 30080, "eth0"))
                .containsExactly("192.168.0.50 -> 10.244.1.5:8080");
        // A pod on this node is short-circuited to every endpoint ("pod traffic for … external destinations").
        assertThat(destinations("10.244.1.7", "192.168.0.10", 30080, "cni0"))
                .containsExactlyInAnyOrder("10.244.1.7 -> 10.244.1.5:8080", "10.244.1.7 -> 10.244.2.5:8080");
        String svl = new ServicePortName("default", "web", "http", "TCP").svlChain();
        assertThat(save()).contains("-A " + new ServicePortName("default", "web", "http", "TCP").extChain() + " -j " + svl + "\n");
    }

    @Test
    void externalTrafficPolicyLocalWithoutALocalPodDropsNodePortTrafficFromOutside() {
        Service web = service("web", "10.96.0.50", 30080);
        web.getSpec().setExternalTrafficPolicy("Local");
        api.await(api.update(web));
        sliceOn("web", "10.244.2.5@worker-2");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(destinations("192.168.0.50", "192.168.0.10", 30080, "eth0")).containsExactly("DROP");
        assertThat(new IptablesSaveCommand(netfilter).run(new Invocation(List.of("-t", "filter"), "", null)).stdout())
                .contains("-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment \"default/web:http has no local endpoints\""
                        + " -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP");
    }

    @Test
    void internalTrafficPolicyLocalSendsClusterIpTrafficOnlyToThisNodesPodAndDropsItWithoutOne() {
        Service web = service("web", "10.96.0.50", null);
        web.getSpec().setInternalTrafficPolicy("Local");
        api.await(api.update(web));
        EndpointSlice slice = sliceOn("web", "10.244.1.5@worker-1", "10.244.2.5@worker-2");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(destinations("10.244.1.7", "10.96.0.50", 80, "cni0")).containsExactly("10.244.1.7 -> 10.244.1.5:8080");

        slice.getEndpoints().remove(0);
        api.await(api.update(slice));
        clock.advance(Duration.ofSeconds(1));
        assertThat(destinations("10.244.1.7", "10.96.0.50", 80, "cni0")).containsExactly("DROP");
    }

    /** A LoadBalancer with externalTrafficPolicy Local: the API server gives it a healthCheckNodePort. */
    Service localLoadBalancer() {
        return api.await(api.create(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withType("LoadBalancer").withExternalTrafficPolicy("Local").withClusterIP("10.96.0.50")
                .addToSelector("app", "web").addNewPort().withName("http").withProtocol("TCP").withPort(80)
                .withNewTargetPort(8080).endPort().endSpec().build()));
    }

    String askHealth(org.laymanlabs.sandbox.net.NetworkNamespace node, int port) {
        return node.sockets().lookup(org.laymanlabs.sandbox.net.Protocol.TCP, Ipv4Address.parse("192.168.0.10"), port)
                .orElseThrow().handler().handle("GET /healthz HTTP/1.1\r\n\r\n",
                        new org.laymanlabs.sandbox.net.socket.ConnectionHandler.Peer(Ipv4Address.parse("192.168.0.99"), 40000));
    }

    @Test
    void theHealthCheckNodePortSaysHowManyOfTheServicesPodsRunOnThisNode() {
        var node = new org.laymanlabs.sandbox.net.Network(new SplittableRandom(1)).createNamespace("worker-1", false);
        proxier = new Proxier(api, "worker-1", List.of("192.168.0.10"), "10.244.0.0/16", netfilter, clock, node);
        int port = localLoadBalancer().getSpec().getHealthCheckNodePort();
        EndpointSlice slice = sliceOn("web", "10.244.1.5@worker-1", "10.244.2.5@worker-2");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(askHealth(node, port)).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Load-Balancing-Endpoint-Weight: 1\r\n")
                .endsWith("{\n\t\"service\": {\n\t\t\"namespace\": \"default\",\n\t\t\"name\": \"web\"\n\t},\n"
                        + "\t\"localEndpoints\": 1,\n\t\"serviceProxyHealthy\": true\n}");
        assertThat(new IptablesSaveCommand(netfilter).run(new Invocation(List.of("-t", "filter"), "", null)).stdout())
                .contains("-A KUBE-NODEPORTS -p tcp -m comment --comment \"default/web:http health check node port\" -m tcp"
                        + " --dport " + port + " -j ACCEPT");

        slice.getEndpoints().remove(0);
        api.await(api.update(slice));
        clock.advance(Duration.ofSeconds(1));
        assertThat(askHealth(node, port)).startsWith("HTTP/1.1 503 Service Unavailable\r\n");
    }

    @Test
    void aHealthCheckPortTakenOnTheNodeIsSkippedAndTheRulesStillSync() {
        var node = new org.laymanlabs.sandbox.net.Network(new SplittableRandom(1)).createNamespace("worker-1", false);
        proxier = new Proxier(api, "worker-1", List.of("192.168.0.10"), "10.244.0.0/16", netfilter, clock, node);
        int port = localLoadBalancer().getSpec().getHealthCheckNodePort();
        node.sockets().listen(new org.laymanlabs.sandbox.net.socket.Listener(org.laymanlabs.sandbox.net.Protocol.TCP,
                Ipv4Address.ANY, port, "something else", (request, peer) -> "mine"));
        sliceOn("web", "10.244.1.5@worker-1");
        proxier.start();
        clock.advance(Duration.ofSeconds(1));

        assertThat(proxier.lastError()).isEmpty();
        assertThat(askHealth(node, port)).isEqualTo("mine");
        assertThat(save()).contains("KUBE-SVL-");
    }
}
