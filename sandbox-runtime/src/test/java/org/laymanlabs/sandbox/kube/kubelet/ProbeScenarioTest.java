package org.laymanlabs.sandbox.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * Given a 3-node cluster whose kubelets probe their containers with the real prober: nginx
 * answers 404 for a path it does not serve, so a probe of that path fails as on a real cluster.
 */
@DisplayName("Probes, end to end")
class ProbeScenarioTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private String ok(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result.stdout();
    }

    private void apply(String yaml) {
        sandbox.workspace().write(Workspace.HOME + "/app.yaml", yaml);
        ok("kubectl apply -f app.yaml");
    }

    private List<String> events(String pod) {
        return sandbox.cluster().api().list(Event.class, "default").stream()
                .filter(e -> e.getInvolvedObject().getName().equals(pod))
                .map(e -> e.getReason() + ": " + e.getMessage()).toList();
    }

    private static String pod(String name, String probe) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    %s:
                      httpGet:
                        path: /healthz
                        port: 80
                      periodSeconds: 5
                      failureThreshold: 2
                """.formatted(name, probe);
    }

    @Test
    void aFailingReadinessProbeKeepsThePodOutOfItsServicesEndpoints() {
        apply(pod("unready", "readinessProbe"));
        ok("kubectl expose pod unready --name=web --port=80");
        sandbox.clock().advance(Duration.ofSeconds(30));

        assertThat(ok("kubectl get pod unready")).contains("unready   0/1     Running   0 ");
        assertThat(events("unready")).contains("Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404");
        EndpointSlice slice = sandbox.cluster().api().list(EndpointSlice.class, "default").stream()
                .filter(s -> "web".equals(s.getMetadata().getLabels().get("kubernetes.io/service-name"))).findFirst().orElseThrow();
        assertThat(slice.getEndpoints()).singleElement().satisfies(e -> assertThat(e.getConditions().getReady()).isFalse());
        // The Endpoints hold it only under notReadyAddresses, which kubectl's ENDPOINTS column leaves out (formatEndpoints).
        assertThat(ok("kubectl get endpoints web")).isEqualTo("NAME   ENDPOINTS   AGE\nweb                30s\n");
    }

    @Test
    void aFailingLivenessProbeRestartsTheContainer() {
        apply(pod("sick", "livenessProbe"));
        sandbox.clock().advance(Duration.ofSeconds(40));

        Pod pod = sandbox.cluster().api().get(Pod.class, "default", "sick").orElseThrow();
        assertThat(pod.getStatus().getContainerStatuses().get(0).getRestartCount()).isPositive();
        assertThat(events("sick")).contains("Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404",
                "Killing: Container web failed liveness probe, will be restarted");
    }
}
