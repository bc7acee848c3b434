package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.cni.FlannelBackend;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Exchange;

/** A lab's sandbox: its cluster shape, preloaded images, start manifests, faults, and the grader's views. */
class SandboxLabShapeTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final String WEB = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - port: 80
            """;

    @Test
    void theSessionStartsOnTheLabsClusterWithItsImagesAndManifestsInPlace() {
        ClusterSpec shape = new ClusterSpec(List.of(
                NodeConfig.controlPlane("cp", "192.168.49.2", "10.244.0.0/24"),
                NodeConfig.worker("ssd-1", "192.168.49.3", "10.244.1.0/24").withLabels(Map.of("disk", "ssd"))),
                FlannelBackend.VXLAN);

        Sandbox sandbox = Sandbox.create(new SandboxSpec(3, START).withCluster(shape).withImages(List.of("busybox"))
                .withManifests(List.of(WEB)));

        assertThat(sandbox.clock().now()).isEqualTo(START);
        assertThat(sandbox.shell().run("kubectl get nodes -l disk=ssd -o name").stdout()).isEqualTo("node/ssd-1\n");
        assertThat(sandbox.shell().run("docker images --format '{{.Repository}}'").stdout()).isEqualTo("busybox\n");
        assertThat(sandbox.cluster().api().get(Pod.class, "default", "web").orElseThrow().getStatus().getPhase())
                .isEqualTo("Running");
        assertThat(sandbox.history()).containsExactly("kubectl get nodes -l disk=ssd -o name",
                "docker images --format '{{.Repository}}'");
    }

    @Test
    void aRequestFromANodeTravelsThroughTheServiceRulesToThePodsNamespace() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(3, START).withManifests(List.of(WEB)));
        String clusterIp = sandbox.cluster().api().get(Service.class, "default", "web").orElseThrow()
                .getSpec().getClusterIP();

        Exchange exchange = sandbox.connect(sandbox.cluster().machine("worker-1").orElseThrow(),
                Ipv4Address.parse(clusterIp), 80, "GET / HTTP/1.1\r\nHost: web\r\n\r\n", Duration.ofSeconds(5));

        // The pod's nginx answers, through the Service's rules on the node.
        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class,
                answered -> assertThat(answered.response()).startsWith("HTTP/1.1 200 OK\r\nServer: nginx/"));
        NetworkNamespace pod = sandbox.podNamespace("default", "web").orElseThrow();
        assertThat(exchange.request().namespaces()).contains("worker-1", pod.name());
        assertThat(sandbox.podOf(pod)).map(p -> p.getMetadata().getName()).hasValue("web");
    }

    @Test
    void faultsBreakTheClusterAsAMistakeWould() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(3, START).withManifests(List.of(WEB)).withFaults(List.of(
                new Fault.BreakSelector("default", "web", Map.of("app", "wbe")),
                new Fault.FillNode("worker-2", 2000))));

        assertThat(sandbox.cluster().api().get(Service.class, "default", "web").orElseThrow().getSpec().getSelector())
                .isEqualTo(Map.of("app", "wbe"));
        assertThat(sandbox.cluster().api().get(Pod.class, "default", "hog-worker-2")).isPresent();

        sandbox.inject(new Fault.StopNode("worker-1"));
        sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(sandbox.shell().run("kubectl get node worker-1 --no-headers").stdout()).contains("NotReady");
        assertThat(sandbox.history()).containsExactly("kubectl get node worker-1 --no-headers");
    }

    @Test
    void aFaultOnAServiceThatDoesNotExistIsRefusedWithItsName() {
        assertThatThrownBy(() -> Sandbox.create(new SandboxSpec(3, START)
                .withFaults(List.of(new Fault.BreakSelector("default", "nope", Map.of("a", "b"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default/nope");
    }

    @Test
    void anImageTheRegistryLacksIsRefused() {
        assertThatThrownBy(() -> Sandbox.create(new SandboxSpec(3, START).withImages(List.of("no-such-image"))))
                .hasMessageStartingWith("cannot preload image no-such-image");
    }
}
