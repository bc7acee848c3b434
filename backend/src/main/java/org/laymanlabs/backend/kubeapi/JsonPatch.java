package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors RFC 6902 JSON Patch as kube-apiserver applies it (evanphx/json-patch, used by
 * endpoints/handlers/patch.go for application/json-patch+json): add, remove, replace, move, copy
 * and test, in order, on the stored object's JSON. fabric8's edit() sends these.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static JsonNode apply(JsonNode document, JsonNode patch) {
        if (!patch.isArray()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "json: cannot unmarshal object into Go value of type"
                    + " jsonpatch.Patch");
        }
        JsonNode result = document.deepCopy();
        for (JsonNode operation : patch) {
            String op = operation.path("op").asText("");
            List<String> path = pointer(operation.path("path").asText(""));
            switch (op) {
                case "add" -> result = add(result, path, value(operation));
                case "remove" -> remove(result, path);
                case "replace" -> {
                    remove(result, path);
                    result = add(result, path, value(operation));
                }
                case "move" -> {
                    List<String> from = pointer(operation.path("from").asText(""));
                    JsonNode moved = get(result, from);
                    remove(result, from);
                    result = add(result, path, moved);
                }
                case "copy" -> result = add(result, path, get(result, pointer(operation.path("from").asText(""))).deepCopy());
                case "test" -> {
                    if (!get(result, path).equals(value(operation))) {
                        throw unprocessable("testing value " + operation.path("path").asText() + " failed: test failed");
                    }
                }
                default -> throw unprocessable("Unexpected kind: " + op);
            }
        }
        return result;
    }

    private static JsonNode value(JsonNode operation) {
        if (!operation.has("value")) {
            throw unprocessable("missing value");
        }
        return operation.get("value");
    }

    /** RFC 6901: "/a/b~1c" is a, then b/c. */
    private static List<String> pointer(String text) {
        List<String> steps = new ArrayList<>();
        if (text.isEmpty()) {
            return steps;
        }
        for (String step : text.substring(1).split("/", -1)) {
            steps.add(step.replace("~1", "/").replace("~0", "~"));
        }
        return steps;
    }

    private static JsonNode get(JsonNode document, List<String> path) {
        JsonNode node = document;
        for (String step : path) {
            node = node.isArray() ? node.path(index(step, node.size() - 1)) : node.path(step);
            if (node.isMissingNode()) {
                throw unprocessable("doc is missing path: \"/" + String.join("/", path) + "\": missing value");
            }
        }
        return node;
    }

    private static JsonNode add(JsonNode document, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(document, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(last, array.size()), value);
            }
        } else {
            throw unprocessable("doc is missing path: \"/" + String.join("/", path) + "\": missing value");
        }
        return document;
    }

    private static void remove(JsonNode document, List<String> path) {
        get(document, path);
        JsonNode parent = get(document, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size() - 1));
        }
    }

    private static int index(String step, int max) {
        try {
            int index = Integer.parseInt(step);
            if (index >= 0 && index <= max) {
                return index;
            }
        } catch (NumberFormatException e) {
            // Not an index: refused below, as the library refuses it.
        }
        throw unprocessable("Unable to access invalid index: " + step);
    }

    private static ApiException unprocessable(String message) {
        return new ApiException(ApiException.Reason.INVALID, message);
    }
}
