package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/** kubectl wait runs the clock until each object meets --for, as kubectl 1.32 prints it. */
class WaitCommandTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    @Test
    void waitsForAPodToBeReadyThenSaysSo() {
        run("kubectl run web --image=nginx");
        Instant before = sandbox.clock().now();

        assertThat(run("kubectl wait --for=condition=Ready pod/web")).isEqualTo(new CommandResult("pod/web condition met\n", "", 0));
        assertThat(sandbox.clock().now()).isAfter(before);
        assertThat(run("kubectl get pod web -o jsonpath={.status.phase}").stdout()).isEqualTo("Running");
    }

    @Test
    void waitsForEveryPodASelectorMatchesAndForAJsonPathValue() {
        run("kubectl create deployment web --image=nginx --replicas=2");
        sandbox.clock().advance(Duration.ofSeconds(1));

        CommandResult ready = run("kubectl wait --for=condition=Ready pod -l app=web --timeout=60s");

        assertThat(ready.exitCode()).isZero();
        assertThat(ready.stdout().lines().toList()).hasSize(2).allMatch(l -> l.matches("pod/web-[a-z0-9]+-[a-z0-9]{5} condition met"));
        assertThat(run("kubectl wait --for=jsonpath={.status.readyReplicas}=2 deployment/web").stdout())
                .isEqualTo("deployment.apps/web condition met\n");
        assertThat(run("kubectl wait --for=condition=Available deploy web").stdout())
                .isEqualTo("deployment.apps/web condition met\n");
    }

    @Test
    void timesOutWithKubectlsWordsWhenTheConditionNeverComes() {
        run("kubectl run broken --image=nginx:no-such-tag");

        CommandResult waited = run("kubectl wait --for=condition=Ready pod/broken --timeout=10s");

        assertThat(waited).isEqualTo(new CommandResult("", "error: timed out waiting for the condition on pods/broken\n", 1));
        assertThat(run("kubectl wait --for=condition=Ready pod/broken --timeout=0"))
                .isEqualTo(new CommandResult("", "error: condition not met for pods/broken\n", 1));
    }

    @Test
    void waitsForADeletionAndIgnoresWhatIsAlreadyGone() {
        run("kubectl run web --image=nginx");
        run("kubectl wait --for=condition=Ready pod/web");
        run("kubectl delete pod web --wait=false");

        assertThat(run("kubectl wait --for=delete pod/web --timeout=60s")).isEqualTo(new CommandResult("pod/web condition met\n", "", 0));
        assertThat(run("kubectl wait --for=delete pod/web")).isEqualTo(new CommandResult("", "", 0));
    }

    @Test
    void badRequestsGetKubectlsErrors() {
        assertThat(run("kubectl wait --for=condition=Ready pod/nope")).isEqualTo(new CommandResult("",
                "Error from server (NotFound): pods \"nope\" not found\n", 1));
        assertThat(run("kubectl wait --for=ready pod/nope")).isEqualTo(new CommandResult("",
                "error: unrecognized condition: \"ready\"\n", 1));
        assertThat(run("kubectl wait --for=condition=Ready pod -l app=nothing")).isEqualTo(new CommandResult("",
                "error: no matching resources found\n", 1));
        Instant before = sandbox.clock().now();
        assertThat(run("kubectl wait --for=condition=Ready pod/nope --timeout=-1s")).isEqualTo(new CommandResult("",
                "error: the sandbox's kubectl waits at most 1h (a negative --timeout means a week): use --timeout=1h or less\n", 1));
        assertThat(sandbox.clock().now()).isEqualTo(before);
    }
}
