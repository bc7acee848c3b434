package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * kubectl logs -l and kubectl describe endpoints on two pods behind a Service. The goldens are
 * what the real kubectl 1.32.5 printed when a stub API server served it this sandbox's objects
 * and logs (kubectl get -o json, kubectl logs POD -c C). One difference is by design: kubectl
 * reads a selector's streams from a Go map, in a different order from run to run, and the
 * sandbox keeps the list's order; each stream's lines are the same.
 */
class LogsSelectorGoldenTest {

    private static final List<String> COMMANDS = List.of(
            "logs -l app=web",
            "logs -l app=web --prefix",
            "logs -l app=web --all-containers --prefix",
            "logs -l app=web --tail=2 --all-containers",
            "logs web-1 --prefix --all-containers --tail=3",
            "logs -l app=web -c sidecar",
            "logs -l app=nope",
            "logs -l app=web web-1",
            "logs",
            "logs web-1 --all-containers -c web",
            "logs web-1 web -c web",
            "logs web-1 --tail=-2",
            "logs -l app=web -f --all-containers --max-log-requests=2",
            "logs -l app=web -f --max-log-requests=1");

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @BeforeEach
    void twoPodsOneNotReadyBehindAService() {
        sandbox.workspace().write(Workspace.HOME + "/web.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: web-1, labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: busybox:1.36
                    command: [sh, -c, "echo web-1 line 1; echo web-1 line 2; echo web-1 line 3; echo web-1 line 4; \\
                      echo web-1 line 5; echo web-1 line 6; echo web-1 line 7; echo web-1 line 8; echo web-1 line 9; \\
                      echo web-1 line 10; echo web-1 line 11; echo web-1 line 12; sleep 3600"]
                    ports: [{containerPort: 80}]
                  - {name: sidecar, image: busybox:1.36, command: [sh, -c, "echo sidecar of web-1 up; sleep 3600"]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web-2, labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: busybox:1.36
                    command: [sh, -c, "echo web-2 says hello; sleep 3600"]
                    ports: [{containerPort: 80}]
                    readinessProbe: {exec: {command: [cat, /nope]}, periodSeconds: 5}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: 80}, {port: 8080, targetPort: 80, name: alt}]
                """);
        assertThat(sandbox.shell().run("kubectl apply -f web.yaml").exitCode()).isZero();
        sandbox.clock().advance(Duration.ofSeconds(30));
    }

    private String transcript(List<String> commands) {
        StringBuilder all = new StringBuilder();
        for (String command : commands) {
            CommandResult r = sandbox.shell().run("kubectl " + command);
            all.append("=== kubectl ").append(command).append('\n').append(r.stdout()).append("--- stderr\n").append(r.stderr())
                    .append("--- exit ").append(r.exitCode()).append('\n');
        }
        return all.toString();
    }

    @Test
    void logsOfEveryPodASelectorPicksWithPrefixesTailsAndKubectlsErrors() {
        String actual = transcript(COMMANDS);
        Goldens.maybeWrite("logs-selector.golden", actual);
        assertThat(actual).isEqualTo(TestCluster.resource("logs-selector.golden"));
    }

    @Test
    void describeEndpointsListsReadyAndNotReadyAddressesAndThePorts() {
        String actual = sandbox.shell().run("kubectl describe endpoints web").stdout();
        Goldens.maybeWrite("describe-endpoints.golden", actual);
        assertThat(actual).isEqualTo(TestCluster.resource("describe-endpoints.golden"));
    }
}
