package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** worker.go's timing: the first run, initialDelaySeconds, the period, and the start jitter. */
class WorkerTimingTest {

    @Test
    void aReadinessProbeRunsWhenTheContainerStartsAndThenEveryPeriod() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.start(pod);
        node.runSeconds(35);
        assertThat(node.target.calls).containsExactly(
                "0 GET http://10.244.1.5:8080/ready",
                "10 GET http://10.244.1.5:8080/ready",
                "20 GET http://10.244.1.5:8080/ready",
                "30 GET http://10.244.1.5:8080/ready");
    }

    @Test
    void theFirstProbeWaitsForInitialDelaySecondsOnThePeriodsTicks() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withLivenessProbe(new ProbeBuilder(Node.http("/healthz", 10)).withInitialDelaySeconds(15).build()));
        node.start(pod);
        node.runSeconds(45);
        assertThat(node.target.times()).containsExactly(20.0, 30.0, 40.0);
    }

    @Test
    void kubernetesDefaultsApplyWhenTheProbeLeavesTheFieldsOut() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewTcpSocket().withNewPort(8080).endTcpSocket().endLivenessProbe());
        node.start(pod);
        node.target.tcp = java.util.Optional.of("dial tcp 10.244.1.5:8080: connect: connection refused");
        node.runSeconds(25);
        assertThat(node.target.times()).as("periodSeconds 10").containsExactly(0.0, 10.0, 20.0);
        assertThat(node.heard).as("failureThreshold 3").containsExactly(
                "20 failed containerd://c0: Container web failed liveness probe, will be restarted");
    }

    @Test
    void workersStartedJustAfterTheKubeletStartedWaitARandomPartOfTheirPeriod() {
        Node node = new Node();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.start(pod);
        node.runSeconds(30);
        List<Double> times = node.target.times();
        assertThat(times).hasSize(3);
        assertThat(times.get(0)).isStrictlyBetween(0.0, 10.0);
        assertThat(times.get(1)).isEqualTo(times.get(0) + 10.0, org.assertj.core.data.Offset.offset(1e-6));

        Node again = new Node();
        again.start(again.pod(c -> c.withReadinessProbe(Node.http("/ready", 10))));
        again.runSeconds(30);
        assertThat(again.target.times()).as("the same seed, the same jitter").isEqualTo(times);
    }

    @Test
    void theWorkerKeepsItsTicksAcrossARestartOfTheContainer() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withLivenessProbe(new ProbeBuilder(Node.http("/healthz", 10)).withFailureThreshold(1).build()));
        node.start(pod);
        node.target.http = ProbeTarget.HttpOutcome.response(500, "");
        node.runSeconds(3);
        node.restart(pod);
        node.target.http = ProbeTarget.HttpOutcome.response(200, "ok");
        node.runSeconds(30);
        assertThat(node.target.times()).as("the new container is probed on the old grid").containsExactly(0.0, 10.0, 20.0, 30.0);
    }

    @Test
    void aRestartedContainersReadinessIsProbedAtOnceByThePodSyncItsStartCauses() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.start(pod);
        node.runSeconds(3);
        node.restart(pod);
        assertThat(node.probes.ready(Node.uid(pod), "web")).isFalse();
        node.runSeconds(8);
        assertThat(node.target.times()).containsExactly(0.0, 3.0, 10.0);
        assertThat(node.probes.ready(Node.uid(pod), "web")).isTrue();
        assertThat(node.heard).as("the kubelet reads readiness itself after a restart it made")
                .containsExactly("0 changed web started=true ready=true", "3 changed web started=true ready=true");
    }

    @Test
    void noProbeRunsAfterThePodIsRemoved() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)).withLivenessProbe(Node.http("/healthz", 10)));
        node.start(pod);
        node.runSeconds(5);
        node.probes.removePod(Node.uid(pod));
        node.runSeconds(60);
        assertThat(node.target.times()).containsExactly(0.0, 0.0);
        assertThat(node.probes.ready(Node.uid(pod), "web")).isFalse();
    }
}
