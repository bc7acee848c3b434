package org.laymanlabs.sandbox.kube.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

    private final Codec codec = Codec.shared();

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** Labels, annotations, a selector and resource requests, each filled in the order given. */
    private static Pod podFilledInOrder(List<String> keys) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName("web").endMetadata();
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> annotations = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> nodeSelector = new java.util.LinkedHashMap<>();
        java.util.Map<String, io.fabric8.kubernetes.api.model.Quantity> requests = new java.util.LinkedHashMap<>();
        for (String key : keys) {
            labels.put(key, "v-" + key);
            annotations.put("example.com/" + key, key);
            nodeSelector.put("node/" + key, "yes");
            requests.put(key, new io.fabric8.kubernetes.api.model.Quantity("1"));
        }
        return pod.editMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
                .withNewSpec().withNodeSelector(nodeSelector)
                .addNewContainer().withName("a").withImage("nginx").withNewResources().withRequests(requests).endResources()
                .endContainer().endSpec().build();
    }

    @Test
    void storesAMapsKeysSortedAsGoWritesThemWhateverOrderTheMapWasFilledIn() {
        String forwards = codec.toStorage(podFilledInOrder(List.of("app", "memory", "cpu", "tier", "zone")));
        String backwards = codec.toStorage(podFilledInOrder(List.of("zone", "tier", "cpu", "memory", "app")));

        assertThat(backwards).isEqualTo(forwards);
        assertThat(forwards).contains("\"labels\":{\"app\":\"v-app\",\"cpu\":\"v-cpu\",\"memory\":\"v-memory\","
                + "\"tier\":\"v-tier\",\"zone\":\"v-zone\"}");
        assertThat(codec.toStorage(codec.copy(podFilledInOrder(List.of("zone", "app", "cpu", "tier", "memory")))))
                .isEqualTo(forwards);
    }

    @Test
    void reportsEveryUnknownFieldWithItsPath() throws Exception {
        JsonNode manifest = json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replica":3,"template":{"spec":{"containers":[{"name":"a","imagee":"nginx"}]}}}}""");
        assertThatThrownBy(() -> codec.decode(manifest, Deployment.class))
                .isInstanceOfSatisfying(DecodingException.class, e -> {
                    assertThat(e.problems()).containsExactly("unknown field \"spec.replica\"",
                            "unknown field \"spec.template.spec.containers[0].imagee\"");
                    assertThat(e.onlyUnknownFields()).isTrue();
                });
    }

    @Test
    void wordsAWronglyTypedValueAsGoDoes() throws Exception {
        JsonNode replicas = json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{\"replicas\":\"3\"}}");
        assertThatThrownBy(() -> codec.decode(replicas, Deployment.class)).hasMessage(
                "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32");
        JsonNode label = json("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"labels\":{\"version\":1}}}");
        assertThatThrownBy(() -> codec.decode(label, Pod.class)).hasMessage(
                "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string");
    }

    @Test
    void acceptsIntOrStringFieldsInBothForms() throws Exception {
        JsonNode manifest = json("""
                {"apiVersion":"apps/v1","kind":"Deployment","spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":"25%"}}}}""");
        Deployment d = codec.decode(manifest, Deployment.class);
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getStrVal()).isEqualTo("25%");
    }

    @Test
    void printsYamlAsKubectlDoesWithSortedKeysAndQuotedNumericStrings() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withResourceVersion("42")
                .addToLabels("tier", "web").addToLabels("app", "shop").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer().endSpec().build();
        assertThat(codec.toYaml(pod)).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  labels:
                    app: shop
                    tier: web
                  name: web
                  resourceVersion: "42"
                spec:
                  containers:
                  - image: nginx:1.27
                    name: nginx
                """);
    }

    @Test
    void printsJsonWithFourSpaceIndentation() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().build();
        assertThat(codec.toJson(pod)).isEqualTo("""
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {
                        "name": "web"
                    }
                }
                """);
    }

    @Test
    void quotesTimestampsInYamlAsGoYamlDoes() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withCreationTimestamp("2026-11-26T09:00:00Z").endMetadata().build();
        assertThat(codec.toYaml(pod)).contains("  creationTimestamp: \"2026-11-26T09:00:00Z\"\n");
    }

    @Test
    void printsEmptyListsAndObjectsAsGoDoes() {
        String json = codec.toJson(java.util.Map.of("items", List.of(), "metadata", java.util.Map.of()));
        assertThat(json).isEqualTo("{\n    \"items\": [],\n    \"metadata\": {}\n}\n");
    }
}
