package org.laymanlabs.backend.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * The Kubernetes manifests of docs/deploy/kubernetes/, applied with kubectl in a Layman Labs
 * sandbox, as a learner would apply them. The sandbox models no StatefulSet (kubectl says so, as
 * a cluster without that API would) and its image catalog has neither Layman Labs nor
 * PostgreSQL, so the app's pods stop at ImagePullBackOff; everything else is accepted and wired.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("..", "docs", "deploy", "kubernetes");

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    private final ApiServer api = sandbox.cluster().api();

    @BeforeEach
    void copyTheManifestsIntoTheWorkspace() throws IOException {
        sandbox.workspace().mkdir(Workspace.HOME + "/deploy", true);
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                sandbox.workspace().write(Workspace.HOME + "/deploy/" + file.getFileName(), Files.readString(file));
            }
        }
    }

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    @Test
    void applyingTheFolderCreatesEverythingTheSandboxModelsAndNamesTheStatefulSetItDoesNot() {
        CommandResult applied = run("kubectl apply -f deploy/");

        assertThat(applied.exitCode()).isEqualTo(1);
        assertThat(applied.stdout()).isEqualTo("""
                deployment.apps/layman-labs created
                service/layman-labs created
                ingress.networking.k8s.io/layman-labs created
                service/postgres created
                secret/layman-labs created
                """);
        assertThat(applied.stderr()).isEqualTo("""
                error: resource mapping not found for name: "postgres" namespace: "" from "deploy/postgres.yaml": \
                no matches for kind "StatefulSet" in version "apps/v1"
                ensure CRDs are installed first
                """);
    }

    @Test
    void theAppsManifestsAreAcceptedAndWiredWithProbesAffinityAndTheSecret() {
        CommandResult applied = run("kubectl apply -f deploy/secret.yaml -f deploy/app.yaml -f deploy/ingress.yaml");
        sandbox.clock().advance(Duration.ofSeconds(60));

        assertThat(applied.exitCode()).as(applied.stderr()).isZero();
        Deployment deployment = api.get(Deployment.class, "default", "layman-labs").orElseThrow();
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getEnv()).extracting(EnvVar::getName).contains(
                "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "LAYMAN_ADMIN_PASSWORD", "LAYMAN_INSTANCE_ID");

        Service service = api.get(Service.class, "default", "layman-labs").orElseThrow();
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        Ingress ingress = api.get(Ingress.class, "default", "layman-labs").orElseThrow();
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", "layman-replica");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
                .isEqualTo("layman-labs");
        assertThat(api.get(Secret.class, "default", "layman-labs")).isPresent();

        // Two pods, scheduled on the workers, waiting for an image the sandbox's catalog does not have.
        List<Pod> pods = api.list(Pod.class, "default");
        assertThat(pods).hasSize(2).allSatisfy(pod -> assertThat(pod.getSpec().getNodeName()).startsWith("worker-"));
        assertThat(run("kubectl get pods").stdout()).contains("0/1     ImagePullBackOff");
        assertThat(api.list(Event.class, "default")).extracting(Event::getMessage)
                .contains("Back-off pulling image \"layman-labs:latest\"");
    }
}
