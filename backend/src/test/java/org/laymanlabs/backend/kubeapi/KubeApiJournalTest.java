package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.session.ApiDispatchers;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxJournal;
import org.laymanlabs.backend.session.ShellLab;
import org.laymanlabs.backend.session.SnapshotCodec;

/**
 * What kubectl or fabric8 changes through the Kubernetes API is journaled, and a sandbox restored
 * from its snapshot has it, to the resourceVersion: the dispatcher is deterministic.
 */
class KubeApiJournalTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor restore(SandboxJournal journal) {
        return SandboxActor.restore(journal, new ShellLab(), ApiDispatchers.of(List.of(new KubeDispatcher())), pool, saved -> { });
    }

    private static ApiRequest request(String method, String target, String contentType, String body) {
        return new ApiRequest(KubeDispatcher.API, method, target, Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRestoredSandboxHasWhatTheKubernetesApiChanged() {
        KubeSandbox original = new ActorKubeSandbox("demo", restore(SandboxJournal.fresh("demo", 7, START)));
        ApiResponse created = original.call(request("POST", "/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl"
                + "-client-side-apply&fieldValidation=Strict", "application/json", "{\"apiVersion\":\"apps/v1\",\"kind\":"
                + "\"Deployment\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":"
                + "\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\","
                + "\"image\":\"nginx:1.27\"}]}}}}")).join();
        ((ActorKubeSandbox) original).actor().tick(Duration.ofSeconds(10)).join();
        ApiResponse scaled = original.call(request("PATCH", "/apis/apps/v1/namespaces/default/deployments/web",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":2}}")).join();
        ApiResponse refused = original.call(request("POST", "/api/v1/namespaces/default/configmaps", "application/json",
                "{\"apiVersion\":\"v1\",")).join();
        SandboxActor originalActor = ((ActorKubeSandbox) original).actor();

        SandboxActor restored = restore(SnapshotCodec.decode(SnapshotCodec.encode(originalActor.journal().join())));

        assertThat(created.status()).isEqualTo(201);
        assertThat(scaled.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(restored.journal().join()).isEqualTo(originalActor.journal().join());
        String shown = "kubectl get deployment web -o jsonpath={.metadata.uid}/{.metadata.resourceVersion}/{.spec.replicas}";
        assertThat(restored.run(shown).join().stdout()).isEqualTo(originalActor.run(shown).join().stdout()).endsWith("/2");
    }
}
