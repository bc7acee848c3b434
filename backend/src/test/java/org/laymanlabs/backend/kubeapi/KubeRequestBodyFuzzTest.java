package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.Fuzz;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * Issue 12: the Kubernetes API's request bodies, fuzzed from what kubectl and fabric8 send. Each
 * of 10,000 mutated bodies is answered with a Status in the API server's words (never an
 * exception, never a 500), and a refused one leaves the store at the revision it found.
 */
class KubeRequestBodyFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> BODIES = List.of(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fuzz\",\"labels\":{\"app\":\"web\"}},"
                    + "\"data\":{\"greeting\":\"hello\",\"port\":\"8080\"}}",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"generateName\":\"fuzz-\"},\"data\":{\"a\":\"1\"},"
                    + "\"immutable\":true}",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fuzz\ndata:\n  key: value\n");

    @Test
    void tenThousandConfigMapBodiesGetAStatusAndARefusalChangesNothing() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(7, Instant.parse("2026-11-26T09:00:00Z")));
        KubeDispatcher api = new KubeDispatcher();
        int[] outcomes = new int[2];
        Fuzz.run(10_000, BODIES, body -> {
            String type = body.startsWith("{") ? "application/json" : "application/yaml";
            long before = sandbox.cluster().api().resourceVersion();
            ApiResponse answer = api.dispatch(sandbox, new ApiRequest(KubeDispatcher.API, "POST",
                    "/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict",
                    Map.of("content-type", type), body.getBytes(StandardCharsets.UTF_8)));
            if (answer.status() == 201) {
                outcomes[0]++;
                String name = tree(answer).path("metadata").path("name").asText();
                ApiResponse deleted = api.dispatch(sandbox, new ApiRequest(KubeDispatcher.API, "DELETE",
                        "/api/v1/namespaces/default/configmaps/" + name, Map.of(), new byte[0]));
                assertThat(deleted.status()).as("deleting %s", name).isEqualTo(200);
                return;
            }
            outcomes[1]++;
            assertThat(answer.status()).as(body).isBetween(400, 499);
            JsonNode status = tree(answer);
            assertThat(status.path("kind").asText()).isEqualTo("Status");
            assertThat(status.path("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("com.fasterxml");
            assertThat(sandbox.cluster().api().resourceVersion()).as("the store after refusing %s", body).isEqualTo(before);
        });
        assertThat(outcomes[0]).as("bodies created").isGreaterThan(100);
        assertThat(outcomes[1]).as("bodies refused").isGreaterThan(500);
    }

    private static JsonNode tree(ApiResponse answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
