package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("kubectl get -w")
class GetWatchTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    private final StringBuilder screen = new StringBuilder();

    private RunningCommand start(String line) {
        return sandbox.shell().start(line, (stream, text) -> screen.append(text));
    }

    @Test
    void printsTheListThenARowPerChangeUntilCtrlC() {
        RunningCommand watch = start("kubectl get pods -w");
        assertThat(screen.toString()).isEqualTo("No resources found in default namespace.\n");
        assertThat(watch.isFinished()).isFalse();
        sandbox.clock().advance(Duration.ofMillis(10));
        sandbox.cluster().api().await(sandbox.cluster().api().create(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("web").withNamespace("default").endMetadata().withNewSpec().addNewContainer()
                .withName("web").withImage("nginx:1.27").endContainer().endSpec().build()));
        sandbox.clock().advance(Duration.ofSeconds(3));
        watch.interrupt();
        assertThat(watch.isFinished()).isTrue();
        assertThat(watch.result().exitCode()).isEqualTo(130);
        assertThat(screen.toString()).startsWith("No resources found in default namespace.\n"
                + "web   0/1   Pending   0     0s\n"
                + "web   0/1   Pending   0     0s\n")
                .contains("web   0/1   ContainerCreating   0     0s\n")
                .endsWith("web   1/1   Running   0     1s\n");
    }

    @Test
    void underRunItPrintsWhatExistsAndEnds() {
        CommandResult result = sandbox.shell().run("kubectl get nodes -w");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("NAME            STATUS   ROLES           AGE   VERSION\ncontrol-plane   Ready");
    }

    @Test
    void watchOnlyPrintsNothingUntilSomethingChanges() {
        RunningCommand watch = start("kubectl get deploy --watch-only");
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(screen.toString()).isEmpty();
        watch.interrupt();
        assertThat(watch.result().exitCode()).isEqualTo(130);
    }
}
