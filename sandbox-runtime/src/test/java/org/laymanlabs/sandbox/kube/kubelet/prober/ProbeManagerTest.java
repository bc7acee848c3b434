package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** prober_manager.go and worker.go together: thresholds, startup gating, readiness and liveness as the kubelet sees them. */
class ProbeManagerTest {

    private static final ProbeTarget.ExecOutcome NOT_STARTED = ProbeTarget.ExecOutcome.exited(1,
            "cat: can't open '/tmp/started': No such file or directory\n");

    @Test
    void aContainerWithoutProbesIsStartedAndReadyOnceItRuns() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c);
        assertThat(node.probes.ready(Node.uid(pod), "web")).as("before it started").isFalse();
        node.start(pod);
        assertThat(node.probes.started(Node.uid(pod), "web")).isTrue();
        assertThat(node.probes.ready(Node.uid(pod), "web")).isTrue();
        node.probes.containerStopped(Node.uid(pod), "web");
        assertThat(node.probes.started(Node.uid(pod), "web")).isFalse();
        assertThat(node.probes.ready(Node.uid(pod), "web")).isFalse();
    }

    @Test
    void readinessIsFalseUntilTheFirstSuccess() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(new ProbeBuilder(Node.http("/ready", 10)).withInitialDelaySeconds(5).build()));
        node.start(pod);
        node.runSeconds(9);
        assertThat(node.probes.started(Node.uid(pod), "web")).isTrue();
        assertThat(node.probes.ready(Node.uid(pod), "web")).isFalse();
        node.runSeconds(1);
        assertThat(node.probes.ready(Node.uid(pod), "web")).isTrue();
        assertThat(node.heard).containsExactly("10 changed web started=true ready=true");
    }

    @Test
    void readinessFlapsOnlyAfterThresholdsOfEqualResultsAndTheListenerHearsEachFlip() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(new ProbeBuilder(Node.http("/ready", 5))
                .withSuccessThreshold(2).withFailureThreshold(2).build()));
        node.start(pod);
        node.runSeconds(12);
        node.target.http = ProbeTarget.HttpOutcome.response(503, "busy");
        node.runSeconds(15);
        node.target.http = ProbeTarget.HttpOutcome.response(200, "ok");
        node.runSeconds(10);
        // The initial result (failure) makes the kubelet sync the pod, whose status update runs an
        // unready probe again at once: so does each flip to unready.
        assertThat(node.target.times()).containsExactly(0.0, 0.0, 5.0, 10.0, 15.0, 20.0, 20.0, 25.0, 30.0, 35.0);
        assertThat(node.heard).containsExactly(
                "0 changed web started=true ready=true",
                "20 changed web started=true ready=false",
                "35 changed web started=true ready=true");
    }

    @Test
    void theStartupProbeHoldsLivenessAndReadinessBackUntilItSucceeds() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c
                .withNewStartupProbe().withNewExec().withCommand("cat", "/tmp/started").endExec()
                .withPeriodSeconds(5).withFailureThreshold(10).endStartupProbe()
                .withReadinessProbe(Node.http("/ready", 10))
                .withNewLivenessProbe().withNewTcpSocket().withNewPort("http").endTcpSocket().endLivenessProbe());
        node.target.exec = NOT_STARTED;
        node.start(pod);
        node.runSeconds(12);
        assertThat(node.probes.started(Node.uid(pod), "web")).isFalse();
        node.target.exec = ProbeTarget.ExecOutcome.exited(0, "");
        node.runSeconds(10);
        assertThat(node.target.calls).containsExactly(
                "0 EXEC containerd://c0 cat /tmp/started",
                "5 EXEC containerd://c0 cat /tmp/started",
                "10 EXEC containerd://c0 cat /tmp/started",
                "15 EXEC containerd://c0 cat /tmp/started",
                "15 GET http://10.244.1.5:8080/ready",
                "20 GET http://10.244.1.5:8080/ready",
                "20 TCP 10.244.1.5:8080");
        assertThat(node.heard).containsExactly(
                "15 changed web started=true ready=false",
                "15 changed web started=true ready=true");
    }

    @Test
    void aStartupProbeThatRunsOutOfFailuresHasTheContainerRestarted() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewStartupProbe().withNewExec().withCommand("cat", "/tmp/started").endExec()
                .withPeriodSeconds(5).withFailureThreshold(3).endStartupProbe());
        node.target.exec = NOT_STARTED;
        node.start(pod);
        node.runSeconds(30);
        assertThat(node.heard).containsExactly("10 failed containerd://c0: Container web failed startup probe, will be restarted");
        assertThat(node.target.times()).as("on hold until the container is restarted").containsExactly(0.0, 5.0, 10.0);
        assertThat(node.events()).containsExactly(
                "Warning  Unhealthy  (x3)  Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n");
    }

    @Test
    void livenessFailsOncePerContainerAndProbingResumesWithTheNextContainer() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withLivenessProbe(Node.http("/healthz", 10)));
        node.target.http = ProbeTarget.HttpOutcome.response(500, "boom");
        node.start(pod);
        node.runSeconds(60);
        assertThat(node.heard).containsExactly("20 failed containerd://c0: Container web failed liveness probe, will be restarted");
        assertThat(node.target.times()).containsExactly(0.0, 10.0, 20.0);

        node.restart(pod);
        node.runSeconds(30);
        assertThat(node.target.times()).containsExactly(0.0, 10.0, 20.0, 70.0, 80.0, 90.0);
        assertThat(node.heard).containsExactly(
                "20 failed containerd://c0: Container web failed liveness probe, will be restarted",
                "90 failed containerd://c1: Container web failed liveness probe, will be restarted");
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x6)  Liveness probe failed: HTTP probe failed with statuscode: 500");
    }

    @Test
    void aPodThatIsNeverRestartedIsToldSoInTheKillMessage() {
        Node node = new Node().upForAMinute();
        Pod pod = new PodBuilder(node.pod(c -> c.withLivenessProbe(new ProbeBuilder(Node.http("/healthz", 10))
                .withFailureThreshold(1).build()))).editSpec().withRestartPolicy("Never").endSpec().build();
        node.target.http = ProbeTarget.HttpOutcome.response(500, "");
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.heard).containsExactly("0 failed containerd://c0: Container web failed liveness probe");
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewTcpSocket().withNewPort(8080).endTcpSocket()
                .withPeriodSeconds(10).endLivenessProbe());
        node.start(pod);
        Optional<String> refused = Optional.of("dial tcp 10.244.1.5:8080: connect: connection refused");
        node.target.tcp = refused;
        node.runSeconds(15);
        node.target.tcp = Optional.empty();
        node.runSeconds(10);
        node.target.tcp = refused;
        node.runSeconds(25);
        assertThat(node.heard).as("failures at 0, 10, then 30, 40, 50").containsExactly(
                "50 failed containerd://c0: Container web failed liveness probe, will be restarted");
    }
}
