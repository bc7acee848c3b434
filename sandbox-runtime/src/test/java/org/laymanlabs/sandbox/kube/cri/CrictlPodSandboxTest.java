package org.laymanlabs.sandbox.kube.cri;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/** crictl inspectp shows what holds a pod's namespaces; crictl stop kills a container and the kubelet starts it again. */
class CrictlPodSandboxTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    private String ok(String line) {
        CommandResult result = run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result.stdout();
    }

    private Pod duo() {
        return sandbox.cluster().api().get(Pod.class, "default", "duo").orElseThrow();
    }

    private ContainerStatus status(String container) {
        return duo().getStatus().getContainerStatuses().stream().filter(s -> s.getName().equals(container)).findFirst()
                .orElseThrow();
    }

    private void startDuo() {
        sandbox.workspace().write(Workspace.HOME + "/duo.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: duo
                spec:
                  nodeName: worker-1
                  containers:
                  - name: web
                    image: nginx:1.27
                  - name: echo
                    image: hashicorp/http-echo
                    args: ["-listen=:8080", "-text=hi"]
                """);
        ok("kubectl apply -f duo.yaml");
        sandbox.clock().advance(Duration.ofSeconds(5));
    }

    private String podId() {
        return sandbox.cluster().kubelet("worker-1").runtime().sandboxes().stream()
                .filter(p -> p.config().name().equals("duo")).findFirst().orElseThrow().id();
    }

    @Test
    void inspectpShowsThePodsIpItsSharedNamespacesAndThePauseImageThatHoldsThem() {
        startDuo();

        String inspected = ok("node-shell worker-1 crictl inspectp " + podId().substring(0, 13));

        assertThat(inspected).startsWith("{\n  \"status\": {\n    \"id\": \"" + podId() + "\",\n")
                .contains("\"state\": \"SANDBOX_READY\"", "\"ip\": \"" + duo().getStatus().getPodIP() + "\"",
                        "\"network\": \"POD\"", "\"pid\": \"CONTAINER\"", "\"io.kubernetes.pod.name\": \"duo\"",
                        "\"image\": \"registry.k8s.io/pause:3.10\"", "\"processStatus\": \"running\"")
                .endsWith("}\n");
    }

    @Test
    void inspectpOfAnUnknownPodFailsWithCrictlsError() {
        CommandResult result = run("node-shell worker-1 crictl inspectp nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("FATA[0000] getting the pod sandbox status for \"nope\": rpc error: code ="
                + " NotFound desc = an error occurred when try to find sandbox: not found\n");
    }

    @Test
    void stopKillsTheContainerAtOnceAndTheKubeletRestartsItInTheSamePodWithTheSameIp() {
        startDuo();
        String ip = duo().getStatus().getPodIP();
        String web = status("web").getContainerID().substring("containerd://".length());

        assertThat(ok("node-shell worker-1 crictl stop " + web.substring(0, 13))).isEqualTo(web.substring(0, 13) + "\n");
        sandbox.clock().advance(Duration.ofSeconds(5));

        assertThat(status("web").getRestartCount()).isEqualTo(1);
        assertThat(status("web").getLastState().getTerminated().getExitCode()).isEqualTo(137);
        assertThat(status("web").getReady()).isTrue();
        assertThat(status("echo").getRestartCount()).isZero();
        assertThat(duo().getStatus().getPodIP()).isEqualTo(ip);
        assertThat(ok("kubectl exec duo -c web -- curl -s localhost:8080")).isEqualTo("hi\n");
    }

    @Test
    void stopWithoutAnIdChangesNothingAndSaysSo() {
        CommandResult result = run("node-shell worker-1 crictl stop");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("FATA[0000] ID cannot be empty\n");
    }
}
