package org.laymanlabs.sandbox.kube.cni;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.net.trace.TracePrinter;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("The cluster's node and pod networks")
class PodNetworkTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));

    private Cluster boot(FlannelBackend mode) {
        return Cluster.start(clock, new SplittableRandom(42), ClusterSpec.kubeadmDefault().withNetworkMode(mode));
    }

    private Pod run(Cluster cluster, String name, String node) {
        cluster.api().await(cluster.api().create(new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("nginx:1.27")
                .endContainer().endSpec().build()));
        clock.advance(Duration.ofSeconds(3));
        return cluster.api().get(Pod.class, "default", name).orElseThrow();
    }

    private static NetworkNamespace namespaceOf(Cluster cluster, Pod pod) {
        return cluster.kubelet(pod.getSpec().getNodeName()).podNamespace(pod.getMetadata().getUid()).orElseThrow();
    }

    private Pinger pinger(Cluster cluster) {
        return new Pinger(new Ipv4Stack(cluster.network(), new NamespaceNetfilters(clock, new SplittableRandom(1))));
    }

    @Test
    void everyNodeIsAMachineOnTheNodeLanWithForwardingOn() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);

        NetworkNamespace worker = cluster.machine("worker-1").orElseThrow();

        assertThat(worker.link("eth0")).isPresent();
        assertThat(worker.isLocal(Ipv4Address.parse("192.168.49.3"))).isTrue();
        assertThat(worker.ipForward()).isTrue();
        assertThat(worker.routes()).extracting(r -> r.toString().strip()).contains("default via 192.168.49.1 dev eth0",
                "10.244.0.0/24 via 192.168.49.2 dev eth0", "10.244.2.0/24 via 192.168.49.4 dev eth0");
    }

    @Test
    void theHostReachesEveryNodeAddress() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);
        NetworkNamespace host = cluster.network().namespace("host").orElseThrow();

        assertThat(pinger(cluster).echo(host, Ipv4Address.parse("192.168.49.4"), 1)).isInstanceOfSatisfying(
                Pinger.Echo.Replied.class, replied -> assertThat(replied.ttl()).isEqualTo(64));
    }

    @Test
    void aPodGetsItsOwnNamespaceWithTheAddressTheKubeletGaveIt() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);
        Pod pod = run(cluster, "a", "worker-1");

        NetworkNamespace ns = namespaceOf(cluster, pod);

        // An address of worker-1's pod CIDR (.1 is cni0; CoreDNS's pods may hold the first ones).
        assertThat(pod.getStatus().getPodIP()).matches("10\\.244\\.1\\.\\d+").isNotEqualTo("10.244.1.1");
        assertThat(ns.isLocal(Ipv4Address.parse(pod.getStatus().getPodIP()))).isTrue();
        assertThat(ns.routes()).extracting(r -> r.toString().strip()).contains("default via 10.244.1.1 dev eth0",
                "10.244.0.0/16 via 10.244.1.1 dev eth0");
        assertThat(cluster.machine("worker-1").orElseThrow().isLocal(Ipv4Address.parse("10.244.1.1"))).isTrue();
    }

    @Test
    void underHostGwAPodPingsAPodOnTheOtherWorkerAndTheReplyHasCrossedTwoRouters() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);
        Pod a = run(cluster, "a", "worker-1");
        Pod b = run(cluster, "b", "worker-2");

        Pinger.Echo echo = pinger(cluster).echo(namespaceOf(cluster, a), Ipv4Address.parse(b.getStatus().getPodIP()), 7);

        assertThat(echo).isInstanceOfSatisfying(Pinger.Echo.Replied.class, replied -> {
            assertThat(replied.from()).isEqualTo(Ipv4Address.parse(b.getStatus().getPodIP()));
            assertThat(replied.ttl()).isEqualTo(62);
        });
    }

    @Test
    void underVxlanAPodPingsAPodOnTheOtherWorkerThroughFlannelOne() {
        Cluster cluster = boot(FlannelBackend.VXLAN);
        Pod a = run(cluster, "a", "worker-1");
        Pod b = run(cluster, "b", "worker-2");

        Pinger.Echo echo = pinger(cluster).echo(namespaceOf(cluster, a), Ipv4Address.parse(b.getStatus().getPodIP()), 7);

        assertThat(echo).isInstanceOfSatisfying(Pinger.Echo.Replied.class, replied -> {
            assertThat(replied.from()).isEqualTo(Ipv4Address.parse(b.getStatus().getPodIP()));
            assertThat(replied.ttl()).isEqualTo(62);
        });
        assertThat(cluster.machine("worker-1").orElseThrow().routes()).extracting(r -> r.toString().strip())
                .contains("10.244.2.0/24 via 10.244.2.0 dev flannel.1");
    }

    private String trace(Cluster cluster, Pod from, Pod to) {
        NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(1));
        Connector connector = new Connector(new Ipv4Stack(cluster.network(), netfilters), new SplittableRandom(2), clock);
        Exchange exchange = connector.exchange(namespaceOf(cluster, from), Ipv4Address.parse(to.getStatus().getPodIP()), 80, "GET /");
        return TracePrinter.print("The first packet:", exchange.request());
    }

    @Test
    void underHostGwTheTraceShowsThePodsAddressesUnchangedAcrossTheNodes() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);
        Pod a = run(cluster, "a", "worker-1");
        Pod b = run(cluster, "b", "worker-2");

        String printed = trace(cluster, a, b);

        assertThat(printed).containsSubsequence(
                "sent tcp " + a.getStatus().getPodIP() + ":", "-> " + b.getStatus().getPodIP() + ":80 [SYN]",
                "route: 10.244.0.0/16 via 10.244.1.1 dev eth0",
                "arrives in worker-1 on cni0",
                "route: 10.244.2.0/24 via 192.168.49.4 dev eth0",
                "arrives in node-lan on",
                "arrives in worker-2 on eth0",
                "route: 10.244.2.0/24 dev cni0",
                "delivered to tcp 0.0.0.0:80 (nginx)");
    }

    @Test
    void underVxlanTheTraceShowsFlannelOneWrappingThePacketForTheOtherNode() {
        Cluster cluster = boot(FlannelBackend.VXLAN);
        Pod a = run(cluster, "a", "worker-1");
        Pod b = run(cluster, "b", "worker-2");

        String printed = trace(cluster, a, b);

        assertThat(printed).containsSubsequence(
                "route: 10.244.2.0/24 via 10.244.2.0 dev flannel.1  => out flannel.1, next hop 10.244.2.0",
                "VXLAN flannel.1 (VNI 1) wraps it in udp 192.168.49.3:", "-> 192.168.49.4:8472",
                "delivered to udp 0.0.0.0:8472 (vxlan flannel.1)",
                "VXLAN flannel.1 (VNI 1) unwraps the inner packet",
                "delivered to tcp 0.0.0.0:80 (nginx)");
    }

    @Test
    void aDeletedPodsNamespaceIsTornDown() {
        Cluster cluster = boot(FlannelBackend.HOST_GW);
        Pod pod = run(cluster, "a", "worker-1");
        String name = namespaceOf(cluster, pod).name();
        String hostEnd = cluster.machine("worker-1").orElseThrow().links().stream()
                .filter(l -> l.peer().map(p -> p.namespace().name().equals(name)).orElse(false)).findFirst().orElseThrow().name();

        cluster.api().await(cluster.api().delete(ApiResources.PODS, "default", "a", DeletionPropagation.BACKGROUND, 30L));
        clock.advance(Duration.ofSeconds(3));

        assertThat(cluster.network().namespace(name)).isEmpty();
        assertThat(cluster.kubelet("worker-1").podNamespace(pod.getMetadata().getUid())).isEmpty();
        assertThat(cluster.machine("worker-1").orElseThrow().links()).noneMatch(l -> l.name().equals(hostEnd));
    }
}
