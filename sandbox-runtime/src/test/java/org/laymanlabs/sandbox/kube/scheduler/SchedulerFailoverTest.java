package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Given two control-plane nodes, each running a kube-scheduler")
class SchedulerFailoverTest {

    private final Cluster cluster = new Cluster();
    private final Scheduler first = new Scheduler(cluster.api, "control-plane-1", cluster.random);
    private final Scheduler second = new Scheduler(cluster.api, "control-plane-2", cluster.random);

    SchedulerFailoverTest() {
        cluster.create(Cluster.controlPlane("control-plane-1"));
        cluster.create(Cluster.controlPlane("control-plane-2"));
        cluster.create(Cluster.worker("worker-1"));
        first.start();
        cluster.run(Duration.ofSeconds(1));
        second.start();
        cluster.run(Duration.ofSeconds(5));
    }

    private Lease lease() {
        return cluster.api.get(Lease.class, "kube-system", "kube-scheduler").orElseThrow();
    }

    @Test
    void onlyTheLeaderSchedules() {
        assertThat(first.isLeading()).isTrue();
        assertThat(second.isLeading()).isFalse();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(first.identity()).startsWith("control-plane-1_");
        cluster.create(Cluster.pod("web", "100m"));
        cluster.run(Duration.ofSeconds(1));
        assertThat(cluster.nodeOf("web")).isEqualTo("worker-1");
        assertThat(cluster.events("web")).hasSize(1);
    }

    @Test
    void theStandbyTakesOverWhenTheLeadersNodeStops() {
        first.stop();
        cluster.create(Cluster.pod("web", "100m"));
        cluster.run(Duration.ofSeconds(10));
        assertThat(cluster.nodeOf("web")).as("nobody schedules until the lease runs out").isNull();
        cluster.run(Duration.ofSeconds(12));
        assertThat(second.isLeading()).isTrue();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(second.identity()).startsWith("control-plane-2_");
        assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
        assertThat(cluster.nodeOf("web")).isEqualTo("worker-1");
    }

    @Test
    void aRestartedSchedulerStandsByWithANewIdentity() {
        String before = first.identity();
        first.stop();
        cluster.run(Duration.ofSeconds(25));
        first.start();
        cluster.run(Duration.ofSeconds(30));
        assertThat(first.identity()).isNotEqualTo(before).startsWith("control-plane-1_");
        assertThat(first.isLeading()).isFalse();
        assertThat(second.isLeading()).isTrue();
    }
}
