package org.laymanlabs.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("Given a cluster with two control-plane nodes and two workers")
class MastersScenarioTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Cluster cluster = Cluster.start(clock, new SplittableRandom(3), new ClusterSpec(List.of(
            NodeConfig.controlPlane("master-1", "192.168.49.2", "10.244.0.0/24"),
            NodeConfig.controlPlane("master-2", "192.168.49.5", "10.244.3.0/24"),
            NodeConfig.worker("worker-1", "192.168.49.3", "10.244.1.0/24"),
            NodeConfig.worker("worker-2", "192.168.49.4", "10.244.2.0/24"))));
    private final ApiServer api = cluster.api();

    private String holder(String lease) {
        return api.get(Lease.class, "kube-system", lease).orElseThrow().getSpec().getHolderIdentity();
    }

    @Test
    void onlyOneSchedulerAndOneControllerManagerLeadAtATime() {
        clock.advance(Duration.ofSeconds(30));
        long schedulers = List.of("master-1", "master-2").stream().filter(n -> cluster.scheduler(n).isLeading()).count();
        long managers = List.of("master-1", "master-2").stream().filter(n -> cluster.controllerManager(n).isLeading()).count();
        assertThat(schedulers).isEqualTo(1);
        assertThat(managers).isEqualTo(1);
    }

    @Test
    void whenTheLeadingMasterStopsTheOtherTakesOverAndWorkCarriesOn() {
        clock.advance(Duration.ofSeconds(10));
        String leader = holder("kube-controller-manager").split("_")[0];
        String standby = leader.equals("master-1") ? "master-2" : "master-1";
        cluster.stopNode(leader);
        cluster.stopNode(holder("kube-scheduler").split("_")[0]);
        clock.advance(Duration.ofSeconds(30));
        assertThat(holder("kube-controller-manager")).startsWith(standby + "_");
        assertThat(holder("kube-scheduler")).startsWith(standby + "_");
        api.await(api.create(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
                .withName("web").withImage("nginx:1.27").endContainer().endSpec().endTemplate().endSpec().build()));
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.list(Pod.class, "default")).hasSize(2).allSatisfy(p -> {
            assertThat(p.getSpec().getNodeName()).startsWith("worker-");
            assertThat(PodStatuses.isReady(p)).isTrue();
        });
    }
}
