package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.ClusterSpec;

/**
 * A Docker lesson's sandbox is a laptop with Docker and no Kubernetes, as a learner's own laptop
 * is: no cluster boots, kubectl is there but finds no server (as kubectl 1.32 does with no
 * kubeconfig), and the cluster's own tools are not installed.
 */
class DockerOnlySandboxTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private static Sandbox laptop() {
        return Sandbox.create(new SandboxSpec(3, START, ClusterSpec.none(), List.of(), List.of(), List.of()));
    }

    @Test
    void dockerWorksAndTheSessionStartsOnTime() {
        Sandbox sandbox = laptop();

        CommandResult run = sandbox.shell().run("docker run -d --name web -p 8080:80 nginx");
        sandbox.clock().advance(Duration.ofSeconds(2));

        assertThat(sandbox.hasCluster()).isFalse();
        assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(2));
        assertThat(run.exitCode()).isZero();
        assertThat(sandbox.shell().run("curl -s localhost:8080").stdout()).contains("Welcome to nginx!");
    }

    @Test
    void kubectlFindsNoServerAsOnALaptopWithoutAKubeconfig() {
        CommandResult get = laptop().shell().run("kubectl get pods");

        String klog = "E1126 09:00:00.000000   4242 memcache.go:265] \"Unhandled Error\" err=\"couldn't get current server "
                + "API group list: Get \\\"http://localhost:8080/api?timeout=32s\\\": dial tcp 127.0.0.1:8080: connect: "
                + "connection refused\"\n";
        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.stdout()).isEmpty();
        assertThat(get.stderr()).isEqualTo(klog.repeat(5)
                + "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
    }

    @Test
    void kubectlVersionPrintsItsOwnVersionThenTheHint() {
        Sandbox sandbox = laptop();

        CommandResult version = sandbox.shell().run("kubectl version");
        CommandResult clientOnly = sandbox.shell().run("kubectl version --client");

        assertThat(version.exitCode()).isEqualTo(1);
        assertThat(version.stdout()).isEqualTo("Client Version: v1.32.5\nKustomize Version: v5.5.0\n");
        assertThat(version.stderr())
                .isEqualTo("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n");
        assertThat(clientOnly.exitCode()).isZero();
        assertThat(sandbox.shell().run("kubectl explain pods").stderr()).contains("connection refused");
    }

    @Test
    void theClustersOwnToolsAreNotInstalled() {
        Sandbox sandbox = laptop();

        for (String tool : List.of("etcdctl member list", "crictl ps", "node-shell worker-1")) {
            CommandResult result = sandbox.shell().run(tool);
            assertThat(result.exitCode()).as(tool).isEqualTo(127);
            assertThat(result.stderr()).as(tool).contains("command not found");
        }
        assertThatThrownBy(sandbox::cluster).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Kubernetes cluster");
        assertThat(sandbox.podNamespace("default", "web")).isEmpty();
    }

    @Test
    void aLabCannotApplyManifestsWithoutACluster() {
        SandboxSpec spec = new SandboxSpec(3, START, ClusterSpec.none(), List.of(),
                List.of("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"), List.of());

        assertThatThrownBy(() -> Sandbox.create(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot apply manifest 1: this lab's sandbox has no Kubernetes cluster");
    }
}
