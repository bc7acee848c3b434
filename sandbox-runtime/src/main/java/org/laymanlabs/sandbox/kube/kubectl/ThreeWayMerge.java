package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors the effect of kubectl apply's client-side three-way strategic merge
 * (k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch, then the server applying
 * it): fields of the new manifest win, fields the previous manifest had and the new one dropped
 * are removed, fields only the cluster set (status, defaults, labels added by others) stay. Lists
 * with a patch merge key (containers by name, ports by containerPort, env by name…) merge item by
 * item; other lists are replaced.
 */
final class ThreeWayMerge {

    /** patchMergeKey of the list fields kubectl users meet, by field name. */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(Map.entry("containers", "name"),
            Map.entry("initContainers", "name"), Map.entry("ephemeralContainers", "name"), Map.entry("volumes", "name"),
            Map.entry("imagePullSecrets", "name"), Map.entry("env", "name"), Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"), Map.entry("hostAliases", "ip"), Map.entry("ownerReferences", "uid"),
            Map.entry("conditions", "type"));

    private ThreeWayMerge() {
    }

    /** The object the server would hold after applying the patch from (original, modified) to current. */
    static JsonNode merge(JsonNode current, JsonNode modified, JsonNode original) {
        return mergeValue("", current, modified, original, false);
    }

    private static JsonNode mergeValue(String field, JsonNode current, JsonNode modified, JsonNode original, boolean service) {
        if (modified.isObject() && current != null && current.isObject()) {
            return mergeObject((ObjectNode) current, (ObjectNode) modified, original != null && original.isObject()
                    ? (ObjectNode) original : null, service);
        }
        String key = mergeKey(field, modified, service);
        if (key != null && modified.isArray() && current != null && current.isArray()) {
            return mergeList(key, (ArrayNode) current, (ArrayNode) modified, original != null && original.isArray()
                    ? (ArrayNode) original : null, service);
        }
        return modified.deepCopy();
    }

    private static ObjectNode mergeObject(ObjectNode current, ObjectNode modified, ObjectNode original, boolean service) {
        ObjectNode result = current.deepCopy();
        boolean isService = service || "Service".equals(modified.path("kind").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = modified.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
                continue;
            }
            result.set(field.getKey(), mergeValue(field.getKey(), current.get(field.getKey()), field.getValue(),
                    original == null ? null : original.get(field.getKey()), isService));
        }
        if (original != null) {
            for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!modified.has(name)) {
                    result.remove(name);
                }
            }
        }
        return result;
    }

    private static ArrayNode mergeList(String key, ArrayNode current, ArrayNode modified, ArrayNode original, boolean service) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode item : modified) {
            JsonNode existing = find(current, key, item.get(key));
            result.add(existing == null ? item.deepCopy()
                    : mergeValue("", existing, item, original == null ? null : find(original, key, item.get(key)), service));
        }
        for (JsonNode item : current) {
            boolean inModified = find(modified, key, item.get(key)) != null;
            boolean inOriginal = original != null && find(original, key, item.get(key)) != null;
            if (!inModified && !inOriginal) {
                kept.add(item);
            }
        }
        kept.forEach(result::add);
        return result;
    }

    private static JsonNode find(ArrayNode list, String key, JsonNode value) {
        for (JsonNode item : list) {
            if (item.isObject() && Objects.equals(item.get(key), value)) {
                return item;
            }
        }
        return null;
    }

    /** Container ports merge by containerPort, a Service's by port. */
    private static String mergeKey(String field, JsonNode modified, boolean service) {
        if (field.equals("ports")) {
            return service ? "port" : "containerPort";
        }
        return MERGE_KEYS.get(field);
    }

    /**
     * The patch kubectl would send, in JSON merge-patch form (set what changed, null what the
     * learner removed): shown in "error when applying patch" messages, and "{}" means unchanged.
     */
    static JsonNode patch(JsonNode current, JsonNode modified, JsonNode original) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        if (!modified.isObject()) {
            return patch;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = modified.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode now = current == null ? null : current.get(field.getKey());
            JsonNode want = field.getValue();
            if (want.isObject() && now != null && now.isObject()) {
                JsonNode inner = patch(now, want, original == null ? null : original.get(field.getKey()));
                if (inner.size() > 0) {
                    patch.set(field.getKey(), inner);
                }
            } else if (!want.equals(now)) {
                patch.set(field.getKey(), want.deepCopy());
            }
        }
        if (original != null && original.isObject()) {
            for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!modified.has(name) && current != null && current.has(name)) {
                    patch.set(name, NullNode.getInstance());
                }
            }
        }
        return patch;
    }
}
