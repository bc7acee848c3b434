package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/** kubectl apply patches the object as it is now, as kubectl's Patcher does when the server answers Conflict. */
class ApplyConflictRetryTest {

    private static final String TRAINER = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: trainer
            spec:
              nodeSelector:
                accelerator: gpu
              containers:
              - name: train
                image: busybox
                command: ["sleep", "3600"]
            """;

    private static final String TOLERATION = """
              tolerations:
              - key: dedicated
                operator: Equal
                value: gpu
                effect: NoSchedule
            """;

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    @Test
    void addingATolerationToAPodTheSchedulerHasJustMarkedUnschedulableConfiguresItAndItIsScheduled() {
        run("kubectl label node worker-1 accelerator=gpu");
        run("kubectl taint node worker-1 dedicated=gpu:NoSchedule");
        sandbox.workspace().write(Workspace.HOME + "/trainer.yaml", TRAINER);
        assertThat(run("kubectl apply -f trainer.yaml").stdout()).isEqualTo("pod/trainer created\n");
        sandbox.workspace().write(Workspace.HOME + "/trainer.yaml", TRAINER.replace("  containers:", TOLERATION + "  containers:"));

        CommandResult applied = run("kubectl apply -f trainer.yaml");

        assertThat(applied.stderr()).isEmpty();
        assertThat(applied.stdout()).isEqualTo("pod/trainer configured\n");
        sandbox.clock().advance(Duration.ofSeconds(5));
        Pod trainer = sandbox.cluster().api().get(Pod.class, "default", "trainer").orElseThrow();
        assertThat(trainer.getSpec().getNodeName()).isEqualTo("worker-1");
        assertThat(trainer.getStatus().getPhase()).isEqualTo("Running");
    }
}
