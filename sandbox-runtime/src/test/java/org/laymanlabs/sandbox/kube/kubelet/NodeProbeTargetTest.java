package org.laymanlabs.sandbox.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeTarget;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("What a probe reaches from its node")
class NodeProbeTargetTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Cluster cluster = Cluster.start(clock, new SplittableRandom(42), ClusterSpec.kubeadmDefault());
    private final NodeProbeTarget target;
    private final Pod pod;

    NodeProbeTargetTest() {
        cluster.api().await(cluster.api().create(new PodBuilder().withNewMetadata().withName("web").withNamespace("default")
                .endMetadata().withNewSpec().withNodeName("worker-1").addNewContainer().withName("web").withImage("nginx:1.27")
                .endContainer().endSpec().build()));
        clock.advance(Duration.ofSeconds(3));
        pod = cluster.api().get(Pod.class, "default", "web").orElseThrow();
        Connector connector = new Connector(new Ipv4Stack(cluster.network(), cluster.netfilters()), new SplittableRandom(3), clock);
        target = new NodeProbeTarget(cluster.machine("worker-1").orElseThrow(), connector, cluster.kubelet("worker-1").runtime());
    }

    @Test
    void anHttpGetFromTheNodeGetsNginxsStatusAndBody() {
        ProbeTarget.HttpOutcome outcome = target.httpGet("HTTP", pod.getStatus().getPodIP(), 80, "/", Map.of(), Duration.ofSeconds(1));

        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.body()).contains("Welcome to nginx!");
        assertThat(target.httpGet("HTTP", pod.getStatus().getPodIP(), 80, "/healthz", Map.of(), Duration.ofSeconds(1)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClosedPortIsRefusedInGosWords() {
        String ip = pod.getStatus().getPodIP();

        assertThat(target.tcpConnect(ip, 8080, Duration.ofSeconds(1)))
                .contains("dial tcp " + ip + ":8080: connect: connection refused");
        assertThat(target.httpGet("HTTP", ip, 8080, "/healthz", Map.of(), Duration.ofSeconds(1)).error()).contains(
                "Get \"http://" + ip + ":8080/healthz\": dial tcp " + ip + ":8080: connect: connection refused");
        assertThat(target.tcpConnect(ip, 80, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void execRunsInTheContainerAndReportsItsStatus() {
        String id = pod.getStatus().getContainerStatuses().get(0).getContainerID().substring("containerd://".length());

        assertThat(target.exec(id, List.of("cat", "/usr/share/nginx/html/index.html"), Duration.ofSeconds(1)))
                .satisfies(o -> assertThat(o.exitCode()).isZero()).satisfies(o -> assertThat(o.output()).contains("nginx"));
        assertThat(target.exec(id, List.of("ls", "/nope"), Duration.ofSeconds(1)).exitCode()).isEqualTo(2);
        assertThat(target.exec(id, List.of("nosuch"), Duration.ofSeconds(1)).error()).isEqualTo(Optional.of(
                "OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": executable file"
                        + " not found in $PATH: unknown"));
    }
}
