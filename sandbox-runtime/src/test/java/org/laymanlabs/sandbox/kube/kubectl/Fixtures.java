package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;

/**
 * Loads a golden fixture into the test cluster, as /tmp tooling loaded the same file into a stub
 * API server for the real kubectl 1.32 that printed the golden: "@N" is N seconds after the
 * objects were created (the cluster's start), "@uid:Kind/name" is that object's uid. Objects are
 * then given their status as the controllers and kubelets would.
 */
final class Fixtures {

    private static final Pattern OFFSET = Pattern.compile("@(-?\\d+)(\\.\\d+)?Z?");

    private Fixtures() {
    }

    /**
     * Creates the objects in waves (an object waits for the objects whose uid it names), each wave
     * at once, so that all of them are created within the fixture's first second.
     */
    static void load(TestCluster cluster, String resource) throws Exception {
        List<JsonNode> pending = new ArrayList<>();
        new ObjectMapper().readTree(TestCluster.resource(resource)).forEach(pending::add);
        Map<String, String> uids = new HashMap<>();
        List<JsonNode> withStatus = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<JsonNode> wave = pending.stream().filter(item -> references(item).stream()
                    .allMatch(ref -> uids.containsKey(ref) || exists(cluster, ref))).toList();
            if (wave.isEmpty()) {
                throw new IllegalArgumentException(resource + ": unresolved references in " + pending);
            }
            pending.removeAll(wave);
            List<CompletableFuture<HasMetadata>> created = new ArrayList<>();
            List<JsonNode> resolved = new ArrayList<>();
            for (JsonNode item : wave) {
                JsonNode r = resolve(item.deepCopy(), uids);
                resolved.add(r);
                created.add(cluster.api.create(Codec.shared().decode(r, type(r).type())));
            }
            for (int i = 0; i < wave.size(); i++) {
                HasMetadata object = cluster.api.await(created.get(i));
                uids.put(wave.get(i).get("kind").asText() + "/" + object.getMetadata().getName(), object.getMetadata().getUid());
                if (resolved.get(i).has("status")) {
                    ((ObjectNode) resolved.get(i)).set("metadata", Codec.shared().toTree(object.getMetadata()));
                    withStatus.add(resolved.get(i));
                }
            }
        }
        List<CompletableFuture<HasMetadata>> statuses = new ArrayList<>();
        for (JsonNode r : withStatus) {
            statuses.add(cluster.api.updateStatus(Codec.shared().decode(r, type(r).type())));
        }
        statuses.forEach(cluster.api::await);
    }

    /** A namespace created before this fixture (by another fixture or the cluster itself). */
    private static boolean exists(TestCluster cluster, String ref) {
        return ref.startsWith("Namespace/") && cluster.api.get(ApiResources.NAMESPACES, "", ref.substring("Namespace/".length())).isPresent();
    }

    private static org.laymanlabs.sandbox.kube.api.ResourceType type(JsonNode item) {
        return ApiResources.byKind(item.get("apiVersion").asText(), item.get("kind").asText()).orElseThrow();
    }

    private static List<String> references(JsonNode item) {
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("\"@uid:([^\"]+)\"").matcher(item.toString());
        while (m.find()) {
            refs.add(m.group(1));
        }
        String namespace = item.path("metadata").path("namespace").asText("");
        if (!namespace.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
            refs.add("Namespace/" + namespace);
        }
        return refs;
    }

    private static JsonNode resolve(JsonNode node, Map<String, String> uids) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(resolve(field.getValue(), uids));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), uids));
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            Matcher offset = OFFSET.matcher(text);
            if (offset.matches()) {
                Instant at = TestCluster.START.plusSeconds(Long.parseLong(offset.group(1)));
                String formatted = at.toString();
                return TextNode.valueOf(offset.group(2) == null ? formatted : formatted.replace("Z", offset.group(2) + "Z"));
            }
            if (text.startsWith("@uid:")) {
                return TextNode.valueOf(uids.getOrDefault(text.substring(5), "unknown"));
            }
        }
        return node;
    }
}
