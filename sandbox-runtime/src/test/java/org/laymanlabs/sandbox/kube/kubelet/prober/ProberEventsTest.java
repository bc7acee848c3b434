package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** prober.go's events, word for word as kubelet 1.32 writes them, and the timeouts behind some of them. */
class ProberEventsTest {

    private static final String REFUSED = "Get \"http://10.244.1.5:8080/ready\": dial tcp 10.244.1.5:8080: connect: connection refused";

    @Test
    void aFailingHttpProbeReportsTheStatusCodeOnlyAndRepeatsAreCounted() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.target.http = ProbeTarget.HttpOutcome.response(503, "<html>the body is not shown</html>");
        node.start(pod);
        node.runSeconds(25);
        // 0 (twice: the initial result makes the kubelet sync the pod, and the sync re-runs it), 10, 20.
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x4)  Readiness probe failed: HTTP probe failed with statuscode: 503");
        Event event = node.api.list(Event.class, "default").get(0);
        assertThat(event.getInvolvedObject().getName()).isEqualTo("web");
        assertThat(event.getSource().getComponent()).isEqualTo("kubelet");
        assertThat(event.getSource().getHost()).isEqualTo("worker-1");
    }

    @Test
    void aRefusedConnectionIsReportedWithGosErrorText() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.target.http = ProbeTarget.HttpOutcome.failed(REFUSED);
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x2)  Readiness probe failed: " + REFUSED);
    }

    @Test
    void aTargetErrorWithoutTheRequestIsGivenTheUrlAsGosClientWouldPrefixIt() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withLivenessProbe(Node.http("/ready", 10)));
        node.target.http = ProbeTarget.HttpOutcome.failed("dial tcp 10.244.1.5:8080: connect: connection refused");
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x1)  Liveness probe failed: " + REFUSED);
    }

    @Test
    void anHttpTimeoutCountsOnlyOnceTheTimeoutHasPassed() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withLivenessProbe(new ProbeBuilder(Node.http("/healthz", 10)).withTimeoutSeconds(2).build()));
        node.target.http = ProbeTarget.HttpOutcome.failed("context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        Instant start = node.clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        node.start(pod);
        node.runSeconds(25);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x3)  Liveness probe failed: Get \"http://10.244.1.5:8080/healthz\": "
                + "context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        Event event = node.api.list(Event.class, "default").get(0);
        assertThat(event.getFirstTimestamp()).isEqualTo(start.plusSeconds(2).toString());
        assertThat(event.getLastTimestamp()).isEqualTo(start.plusSeconds(22).toString());
        assertThat(node.heard).containsExactly("22 failed containerd://c0: Container web failed liveness probe, will be restarted");
    }

    @Test
    void aTcpProbeThatCannotConnectReportsTheDialError() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewReadinessProbe().withNewTcpSocket().withNewPort("http").endTcpSocket().endReadinessProbe());
        node.target.tcp = Optional.of("dial tcp 10.244.1.5:8080: i/o timeout");
        node.start(pod);
        node.runSeconds(2);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x2)  Readiness probe failed: dial tcp 10.244.1.5:8080: i/o timeout");
        assertThat(node.target.times()).as("the second waits for the first to time out").containsExactly(0.0, 1.0);
    }

    @Test
    void anExecProbeReportsTheCommandsOutput() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewExec().withCommand("cat", "/tmp/healthy").endExec().endLivenessProbe());
        node.target.exec = ProbeTarget.ExecOutcome.exited(1, "cat: can't open '/tmp/healthy': No such file or directory\n");
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.events()).containsExactly(
                "Warning  Unhealthy  (x1)  Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    }

    @Test
    void anExecProbeThatOutlivesItsTimeoutFailsWithTheCommandTimedOut() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewExec().withCommand("sh", "-c", "sleep 5").endExec().endLivenessProbe());
        node.target.exec = ProbeTarget.ExecOutcome.deadlineExceeded(Duration.ofSeconds(1));
        node.start(pod);
        node.runSeconds(2);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x1)  Liveness probe failed: command \"sh -c sleep 5\" timed out");
    }

    @Test
    void anExecThatCannotRunErrorsIsRetriedAndNeverCountsAsAFailure() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewExec().withCommand("healthcheck").endExec().withFailureThreshold(1)
                .endLivenessProbe());
        String notFound = "rpc error: code = Unknown desc = failed to exec in container: failed to start exec \"e1\": OCI runtime exec "
                + "failed: exec failed: unable to start container process: exec: \"healthcheck\": executable file not found in $PATH: unknown";
        node.target.exec = ProbeTarget.ExecOutcome.failed(notFound);
        node.start(pod);
        node.runSeconds(15);
        assertThat(node.target.times()).as("three attempts a period").containsExactly(0.0, 0.0, 0.0, 10.0, 10.0, 10.0);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x2)  Liveness probe errored: " + notFound);
        assertThat(node.heard).isEmpty();
    }

    @Test
    void aPortNameTheContainerDoesNotDeclareErrors() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewReadinessProbe().withNewHttpGet().withPath("/ready").withNewPort("metrics").endHttpGet()
                .endReadinessProbe());
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.target.calls).isEmpty();
        assertThat(node.probes.ready(Node.uid(pod), "web")).isFalse();
        assertThat(node.events()).containsExactly(
                "Warning  Unhealthy  (x2)  Readiness probe errored: strconv.Atoi: parsing \"metrics\": invalid syntax");
    }

    @Test
    void aNamedPortIsResolvedFromTheContainersPorts() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewReadinessProbe().withNewHttpGet().withPath("/ready").withNewPort("http")
                .withScheme("HTTPS").endHttpGet().endReadinessProbe());
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.target.calls).containsExactly("0 GET https://10.244.1.5:8080/ready");
        assertThat(node.probes.ready(Node.uid(pod), "web")).isTrue();
    }

    @Test
    void aRedirectToAnotherHostSucceedsWithAWarning() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withReadinessProbe(Node.http("/ready", 10)));
        node.target.http = ProbeTarget.HttpOutcome.response(302, "moved");
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.probes.ready(Node.uid(pod), "web")).isTrue();
        assertThat(node.events()).containsExactly(
                "Warning  ProbeWarning  (x1)  Readiness probe warning: Probe terminated redirects, Response body: moved");
    }

    @Test
    void aGrpcProbeTakesTheKubeletsMissingHandlerPath() {
        Node node = new Node().upForAMinute();
        Pod pod = node.pod(c -> c.withNewLivenessProbe().withNewGrpc().withPort(9090).endGrpc().endLivenessProbe());
        node.start(pod);
        node.runSeconds(1);
        assertThat(node.events()).containsExactly("Warning  Unhealthy  (x1)  Liveness probe errored: missing probe handler for web_default("
                + Node.uid(pod) + "):web");
    }
}
