package org.laymanlabs.sandbox.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * A container that keeps crashing, over a quarter of an hour of virtual time: the kubelet of
 * Kubernetes 1.32 restarts it forever, first at once, then after 10 s, 20 s, 40 s… up to 5 min
 * (kuberuntime_manager.go doBackOff with client-go's flowcontrol.Backoff, no jitter).
 */
@DisplayName("Given a Deployment whose only container crashes as soon as it starts")
class CrashLoopBackOffScenarioTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    private final List<Instant> starts = new ArrayList<>();
    private final List<Instant> exits = new ArrayList<>();

    private String ok(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result.stdout();
    }

    private void deploy(String command) {
        sandbox.cluster().kubelets().forEach(k -> k.runtime().onExit(c -> {
            if (c.name().equals("worker")) {
                starts.add(c.startedAt().orElseThrow());
                exits.add(c.finishedAt().orElseThrow());
            }
        }));
        // busybox without a tag is busybox:latest, pulled again (policy Always) before every start.
        sandbox.workspace().write(Workspace.HOME + "/worker.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                        - name: worker
                          image: busybox
                          command: ["sh", "-c", "%s"]
                """.formatted(command));
        ok("kubectl apply -f worker.yaml");
    }

    private Pod pod() {
        return sandbox.cluster().api().list(Pod.class, "default").stream()
                .filter(p -> p.getMetadata().getName().startsWith("worker-")).findFirst().orElseThrow();
    }

    private ContainerStatus status() {
        return pod().getStatus().getContainerStatuses().get(0);
    }

    /** From each exit to the next start: the back-off the kubelet waited, in whole seconds. */
    private List<Long> waits() {
        List<Long> waits = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            waits.add(Duration.between(exits.get(i - 1), starts.get(i)).toSeconds());
        }
        return waits;
    }

    private String backOffMessage(String delay) {
        Pod pod = pod();
        return "back-off " + delay + " restarting failed container=worker pod=" + pod.getMetadata().getName() + "_default("
                + pod.getMetadata().getUid() + ")";
    }

    private List<String> events() {
        return sandbox.cluster().api().list(Event.class, "default").stream()
                .filter(e -> e.getInvolvedObject().getName().startsWith("worker-")).map(e -> e.getReason() + ": " + e.getMessage())
                .toList();
    }

    @Test
    void itIsRestartedForeverAfterTenTwentyFortySecondsAndSoOnUpToFiveMinutes() {
        deploy("echo worker starting; sleeep 3600");

        sandbox.clock().advance(Duration.ofSeconds(5));
        assertThat(status().getRestartCount()).isEqualTo(1);
        assertThat(status().getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(status().getState().getWaiting().getMessage()).isEqualTo(backOffMessage("10s"));
        sandbox.clock().advance(Duration.ofSeconds(10));
        assertThat(status().getRestartCount()).isEqualTo(2);
        assertThat(status().getState().getWaiting().getMessage()).isEqualTo(backOffMessage("20s"));
        sandbox.clock().advance(Duration.ofSeconds(20));
        assertThat(status().getRestartCount()).isEqualTo(3);
        assertThat(status().getState().getWaiting().getMessage()).isEqualTo(backOffMessage("40s"));

        sandbox.clock().advance(Duration.ofMinutes(15).minusSeconds(35));

        assertThat(waits()).as("seconds from each crash to the next start").containsExactly(0L, 10L, 20L, 40L, 80L, 160L, 300L);
        assertThat(status().getRestartCount()).isEqualTo(7);
        assertThat(status().getState().getWaiting().getMessage()).isEqualTo(backOffMessage("5m0s"));
        assertThat(status().getLastState().getTerminated().getExitCode()).isEqualTo(127);
        assertThat(ok("kubectl get pods -l app=worker")).contains("CrashLoopBackOff   7 (4m50s ago)   15m");
        assertThat(events()).contains("BackOff: Back-off restarting failed container worker in pod " + pod().getMetadata().getName()
                + "_default(" + pod().getMetadata().getUid() + ")");

        sandbox.clock().advance(Duration.ofMinutes(5));
        assertThat(status().getRestartCount()).as("the delay stays at five minutes").isEqualTo(8);
        assertThat(waits()).endsWith(300L, 300L);
    }

    @Test
    void aContainerThatRanMoreThanTenMinutesBeforeItCrashedIsRestartedAtOnceItsBackOffForgotten() {
        deploy("echo worker starting; sleep 610; exit 1");

        sandbox.clock().advance(Duration.ofMinutes(21));

        assertThat(status().getRestartCount()).isEqualTo(2);
        assertThat(status().getState().getRunning().getStartedAt()).as("the second restart came as soon as it crashed")
                .isEqualTo(status().getLastState().getTerminated().getFinishedAt()).isEqualTo("2026-11-26T09:20:20Z");
    }

    @Test
    void aContainerThatCrashesEveryTwoMinutesStillWaitsLongerEachTime() {
        deploy("echo worker starting; sleep 120; exit 1");

        sandbox.clock().advance(Duration.ofMinutes(9));

        assertThat(waits()).containsExactly(0L, 10L, 20L);
    }
}
