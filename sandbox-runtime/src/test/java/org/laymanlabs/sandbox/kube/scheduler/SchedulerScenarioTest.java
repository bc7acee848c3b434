package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.ApiResources;

@DisplayName("Given a kubeadm cluster with one control-plane node and two workers")
class SchedulerScenarioTest {

    private Cluster cluster;
    private Scheduler scheduler;

    @BeforeEach
    void startTheScheduler() {
        cluster = new Cluster().withDefaultNodes();
        scheduler = new Scheduler(cluster.api, "control-plane", cluster.random);
        scheduler.start();
        cluster.run(Duration.ofSeconds(1));
    }

    private static final String TOO_BIG = "0/3 nodes are available: 1 node(s) had untolerated taint "
            + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: "
            + "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..";

    @Test
    void spreadsAThreeReplicaSetOverBothWorkersAndNeverOntoTheControlPlane() {
        ReplicaSet rs = cluster.create(new ReplicaSetBuilder().withNewMetadata().withName("web-7d4b9c8f6d").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build());
        for (String name : List.of("web-7d4b9c8f6d-x2k9p", "web-7d4b9c8f6d-q8m4z", "web-7d4b9c8f6d-t5n7c")) {
            cluster.create(new PodBuilder(Cluster.pod(name, "100m")).editMetadata().addToLabels("app", "web")
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(rs.getMetadata().getName())
                    .withUid(rs.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
                    .endMetadata().build());
        }
        cluster.run(Duration.ofSeconds(1));
        List<String> nodes = List.of(cluster.nodeOf("web-7d4b9c8f6d-x2k9p"), cluster.nodeOf("web-7d4b9c8f6d-q8m4z"),
                cluster.nodeOf("web-7d4b9c8f6d-t5n7c"));
        assertThat(nodes).doesNotContainNull().doesNotContain("control-plane").contains("worker-1", "worker-2");
        assertThat(cluster.events("web-7d4b9c8f6d-x2k9p"))
                .containsExactly("Normal Scheduled Successfully assigned default/web-7d4b9c8f6d-x2k9p to " + nodes.get(0));
    }

    @Test
    void placesAPodWithNodeSelectorDiskSsdOnTheOnlySsdNode() {
        Node worker2 = cluster.api.get(Node.class, "", "worker-2").orElseThrow();
        cluster.api.await(cluster.api.update(new NodeBuilder(worker2).editMetadata().addToLabels("disk", "ssd").endMetadata().build()));
        for (int i = 0; i < 4; i++) {
            cluster.create(new PodBuilder(Cluster.pod("db-" + i, "100m")).editSpec().addToNodeSelector("disk", "ssd").endSpec().build());
        }
        cluster.run(Duration.ofSeconds(1));
        assertThat(IntStream.range(0, 4).mapToObj(i -> cluster.nodeOf("db-" + i))).containsOnly("worker-2");
    }

    @Test
    void saysWhyAPodThatAsksForTooMuchCpuFitsNowhere() {
        cluster.create(Cluster.pod("big", "3"));
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.nodeOf("big")).isNull();
        assertThat(cluster.events("big")).containsExactly("Warning FailedScheduling " + TOO_BIG);
        PodCondition scheduled = cluster.api.get(Pod.class, "default", "big").orElseThrow().getStatus().getConditions().get(0);
        assertThat(scheduled.getType()).isEqualTo("PodScheduled");
        assertThat(scheduled.getStatus()).isEqualTo("False");
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).isEqualTo(TOO_BIG);
    }

    @Test
    void putsNothingOnACordonedNode() {
        Node worker1 = cluster.api.get(Node.class, "", "worker-1").orElseThrow();
        cluster.api.await(cluster.api.update(new NodeBuilder(worker1).editSpec().withUnschedulable(true).endSpec().build()));
        for (int i = 0; i < 5; i++) {
            cluster.create(Cluster.pod("web-" + i, "100m"));
        }
        cluster.run(Duration.ofSeconds(1));
        assertThat(IntStream.range(0, 5).mapToObj(i -> cluster.nodeOf("web-" + i))).containsOnly("worker-2");
    }

    @Test
    void schedulesAPendingPodOnceAPodOnItsNodeIsDeleted() {
        cluster.create(Cluster.pod("hog-1", "1500m"));
        cluster.create(Cluster.pod("hog-2", "1500m"));
        cluster.run(Duration.ofSeconds(1));
        cluster.create(Cluster.pod("late", "1"));
        cluster.run(Duration.ofSeconds(30));
        assertThat(cluster.nodeOf("late")).isNull();
        String freed = cluster.nodeOf("hog-1");
        cluster.api.await(cluster.api.delete(ApiResources.PODS, "default", "hog-1", DeletionPropagation.BACKGROUND, 0L));
        cluster.run(Duration.ofSeconds(11));
        assertThat(cluster.nodeOf("late")).isEqualTo(freed);
    }

    @Test
    void schedulesAPendingPodOnceANodeIsAdded() {
        cluster.create(Cluster.pod("big", "3"));
        cluster.run(Duration.ofSeconds(30));
        cluster.create(new NodeBuilder(Cluster.worker("worker-3")).editStatus()
                .addToAllocatable("cpu", new io.fabric8.kubernetes.api.model.Quantity("8")).endStatus().build());
        cluster.run(Duration.ofSeconds(11));
        assertThat(cluster.nodeOf("big")).isEqualTo("worker-3");
    }
}
