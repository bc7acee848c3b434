package org.laymanlabs.sandbox.kube.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies the two merge-patch formats to an object's JSON: RFC 7386 JSON merge patch (objects
 * merge, null deletes, lists are replaced whole), and Kubernetes' strategic merge patch
 * (k8s.io/apimachinery/pkg/util/strategicpatch), where lists of named things (containers, ports,
 * env, volumes…) are merged element by element on their patchMergeKey, and an element carrying
 * {@code "$patch": "delete"} is removed.
 */
final class MergePatches {

    /** The patchMergeKey of each list field in the core types, by field name. */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"), Map.entry("initContainers", "name"), Map.entry("ephemeralContainers", "name"),
            Map.entry("env", "name"), Map.entry("volumes", "name"), Map.entry("volumeMounts", "mountPath"),
            Map.entry("volumeDevices", "devicePath"), Map.entry("imagePullSecrets", "name"), Map.entry("hostAliases", "ip"),
            Map.entry("ownerReferences", "uid"), Map.entry("conditions", "type"), Map.entry("taints", "key"),
            Map.entry("topologySpreadConstraints", "topologyKey"), Map.entry("resourceClaims", "name"));

    private MergePatches() {
    }

    static JsonNode jsonMerge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), jsonMerge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        return merge(target, patch, null);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch, String fieldName) {
        if (patch.isArray()) {
            return mergeList(target, (ArrayNode) patch, fieldName);
        }
        if (!patch.isObject()) {
            return patch;
        }
        if ("replace".equals(patch.path("$patch").asText())) {
            ObjectNode replaced = ((ObjectNode) patch).deepCopy();
            replaced.remove("$patch");
            return replaced;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.startsWith("$setElementOrder/") || name.startsWith("$retainKeys") || name.equals("$patch")) {
                continue;
            }
            if (field.getValue().isNull()) {
                result.remove(name);
            } else {
                result.set(name, merge(result.get(name), field.getValue(), name));
            }
        }
        return result;
    }

    /** Lists with a merge key merge element by element; other lists are replaced, as in strategicpatch. */
    private static JsonNode mergeList(JsonNode target, ArrayNode patch, String fieldName) {
        String key = MERGE_KEYS.get(fieldName);
        if (key == null || target == null || !target.isArray()) {
            return stripDirectives(patch);
        }
        ArrayNode result = ((ArrayNode) target).deepCopy();
        for (JsonNode item : patch) {
            JsonNode id = item.get(key);
            int at = indexOf(result, key, id);
            if ("delete".equals(item.path("$patch").asText())) {
                if (at >= 0) {
                    result.remove(at);
                }
            } else if (at >= 0) {
                result.set(at, merge(result.get(at), item, null));
            } else {
                result.add(stripDirectives(item));
            }
        }
        return result;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode id) {
        for (int i = 0; id != null && i < list.size(); i++) {
            if (id.equals(list.get(i).get(key))) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode stripDirectives(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.remove("$patch");
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> copy.add(stripDirectives(n)));
            return copy;
        }
        return node;
    }
}
