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

    @Test
    void withYamlEachObjectAndEachChangeIsADocumentOfItsOwn() {
        sandbox.shell().run("kubectl create namespace team-a");
        RunningCommand watch = start("kubectl get ns team-a -w -o yaml");
        assertThat(screen.toString()).startsWith("apiVersion: v1\nkind: Namespace\n").doesNotContain("---")
                .doesNotContain("kind: List");
        label("team-a", "gold");
        sandbox.clock().advance(Duration.ofSeconds(1));
        watch.interrupt();
        String[] documents = screen.toString().split("---\n", -1);
        assertThat(documents).hasSize(2);
        assertThat(documents[0]).doesNotContain("tier: gold");
        assertThat(documents[1]).startsWith("apiVersion: v1\nkind: Namespace\n").contains("    tier: gold\n");
    }

    @Test
    void withNameOrJsonEachChangeIsPrintedAsThatPrinterPrintsOneObject() {
        sandbox.shell().run("kubectl create namespace team-b");
        RunningCommand names = start("kubectl get ns -w -o name -l kubernetes.io/metadata.name=team-b");
        label("team-b", "gold");
        sandbox.clock().advance(Duration.ofSeconds(1));
        names.interrupt();
        assertThat(screen.toString()).isEqualTo("namespace/team-b\nnamespace/team-b\n");
        screen.setLength(0);
        RunningCommand json = start("kubectl get ns team-b --watch-only -o json");
        label("team-b", "silver");
        sandbox.clock().advance(Duration.ofSeconds(1));
        json.interrupt();
        assertThat(screen.toString()).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Namespace\",")
                .contains("\"tier\": \"silver\"").doesNotContain("\"kind\": \"List\"");
    }

    /** Another client's change while the watch holds the learner's shell. */
    private void label(String namespace, String tier) {
        var api = sandbox.cluster().api();
        var ns = api.get(io.fabric8.kubernetes.api.model.Namespace.class, "", namespace).orElseThrow();
        api.await(api.update(new io.fabric8.kubernetes.api.model.NamespaceBuilder(ns).editMetadata()
                .addToLabels("tier", tier).endMetadata().build()));
    }
}
