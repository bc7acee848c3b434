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

    @Test
    void tenThousandMutatedProtobufBodiesGetAStatusAndARefusalChangesNothing() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(11, Instant.parse("2026-11-26T09:00:00Z")));
        KubeDispatcher api = new KubeDispatcher();
        byte[] valid = protobufConfigMap();
        java.util.Random random = new java.util.Random(20261126);
        int[] outcomes = new int[2];
        for (int i = 0; i < 10_000; i++) {
            byte[] body = mutate(valid, random);
            long before = sandbox.cluster().api().resourceVersion();
            ApiResponse answer = api.dispatch(sandbox, new ApiRequest(KubeDispatcher.API, "POST",
                    "/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict",
                    Map.of("content-type", ProtobufBody.MEDIA_TYPE), body));
            if (answer.status() == 201) {
                outcomes[0]++;
                String name = tree(answer).path("metadata").path("name").asText();
                assertThat(api.dispatch(sandbox, new ApiRequest(KubeDispatcher.API, "DELETE",
                        "/api/v1/namespaces/default/configmaps/" + name, Map.of(), new byte[0])).status()).isEqualTo(200);
                continue;
            }
            outcomes[1]++;
            assertThat(answer.status()).as("case %d", i).isBetween(400, 499);
            assertThat(tree(answer).path("message").asText()).isNotBlank().doesNotContain("Exception");
            assertThat(sandbox.cluster().api().resourceVersion()).as("the store after case %d", i).isEqualTo(before);
        }
        assertThat(outcomes[0]).as("bodies created").isGreaterThan(100);
        assertThat(outcomes[1]).as("bodies refused").isGreaterThan(500);
    }

    /** What kubectl create configmap fuzz --from-literal=greeting=hello sends. */
    private static byte[] protobufConfigMap() {
        io.kubernetes.client.proto.V1.ConfigMap configMap = io.kubernetes.client.proto.V1.ConfigMap.newBuilder()
                .setMetadata(io.kubernetes.client.proto.Meta.ObjectMeta.newBuilder().setName("fuzz").putLabels("app", "web"))
                .putData("greeting", "hello").build();
        byte[] unknown = io.kubernetes.client.proto.Runtime.Unknown.newBuilder()
                .setTypeMeta(io.kubernetes.client.proto.Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
                .setRaw(configMap.toByteString()).build().toByteArray();
        byte[] body = new byte[unknown.length + 4];
        System.arraycopy(new byte[] {'k', '8', 's', 0}, 0, body, 0, 4);
        System.arraycopy(unknown, 0, body, 4, unknown.length);
        return body;
    }

    /** One to three byte-level changes: a flipped bit, a changed, dropped or inserted byte, or a cut. */
    private static byte[] mutate(byte[] body, java.util.Random random) {
        byte[] out = body.clone();
        for (int n = 1 + random.nextInt(3); n > 0 && out.length > 0; n--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                case 3 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
        }
        return out;
    }

    private static JsonNode tree(ApiResponse answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
