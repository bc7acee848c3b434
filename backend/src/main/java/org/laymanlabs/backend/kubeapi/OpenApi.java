package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors kube-apiserver's {@code /openapi/v3}: the index of one document per group-version, and
 * each document with its paths and schemas. kubectl apply reads it to learn that the server takes
 * {@code fieldValidation} on PATCH (cli-runtime query_param_verifier_v3.go), and then leaves the
 * validation to the server; kubectl explain reads the schemas, built here from the same explain
 * schema the sandbox's own kubectl explain prints, as a real server publishes them (a field of
 * another type is an allOf of one $ref beside its description). {@code /openapi/v2} is not served:
 * kubectl tolerates its 404 and falls back to its compiled-in scheme for strategic merge.
 */
final class OpenApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMA = "/org/laymanlabs/sandbox/kube/kubectl/explain-schema.json";
    private static final Map<String, String> PACKAGES = Map.of("core", "io.k8s.api.core.v1", "apps", "io.k8s.api.apps.v1",
            "batch", "io.k8s.api.batch.v1", "coordination", "io.k8s.api.coordination.v1", "discovery", "io.k8s.api.discovery.v1",
            "networking", "io.k8s.api.networking.v1");
    /** The documents never change while the server runs, so their hash is fixed. */
    private static final String HASH = "5A4C1B1F8D2E3A6B";
    private static final Map<String, ApiResponse> DOCUMENTS = new ConcurrentHashMap<>();

    private OpenApi() {
    }

    static Optional<ApiResponse> answer(String path) {
        if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
            return Optional.of(Status.json(200, index()));
        }
        for (String group : groups()) {
            if (path.equals("/openapi/v3/" + prefix(group))) {
                return Optional.of(DOCUMENTS.computeIfAbsent(group, g -> Status.json(200, document(g))));
            }
        }
        return Optional.empty();
    }

    private static List<String> groups() {
        return ApiResources.ALL.stream().map(ResourceType::group).distinct().toList();
    }

    private static String prefix(String group) {
        return group.isEmpty() ? "api/v1" : "apis/" + group + "/v1";
    }

    private static ObjectNode index() {
        ObjectNode index = NODES.objectNode();
        ObjectNode paths = index.putObject("paths");
        for (String group : groups()) {
            paths.putObject(prefix(group)).put("serverRelativeURL", "/openapi/v3/" + prefix(group) + "?hash=" + HASH);
        }
        return index;
    }

    private static ObjectNode document(String group) {
        ObjectNode doc = NODES.objectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.5");
        ObjectNode paths = doc.putObject("paths");
        for (ResourceType type : ApiResources.ALL) {
            if (!type.group().equals(group)) {
                continue;
            }
            String base = "/" + prefix(group) + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
            ObjectNode gvk = NODES.objectNode().put("group", group).put("version", "v1").put("kind", type.kind());
            ObjectNode collection = paths.putObject(base);
            collection.putObject("get").set("x-kubernetes-group-version-kind", gvk);
            operation(collection.putObject("post"), gvk, "post");
            ObjectNode item = paths.putObject(base + "/{name}");
            item.putObject("get").set("x-kubernetes-group-version-kind", gvk);
            operation(item.putObject("put"), gvk, "put");
            operation(item.putObject("patch"), gvk, "patch");
            item.putObject("delete").set("x-kubernetes-group-version-kind", gvk);
        }
        doc.putObject("components").set("schemas", schemas(group));
        return doc;
    }

    /** A write operation with the fieldValidation parameter kubectl looks for. */
    private static void operation(ObjectNode operation, ObjectNode gvk, String verb) {
        operation.put("operationId", verb + gvk.get("kind").asText());
        operation.set("x-kubernetes-group-version-kind", gvk);
        ArrayNode parameters = operation.putArray("parameters");
        for (String name : List.of("dryRun", "fieldManager", "fieldValidation")) {
            parameters.addObject().put("name", name).put("in", "query").put("description", name)
                    .putObject("schema").put("type", "string").put("uniqueItems", true);
        }
    }

    private static ObjectNode schemas(String group) {
        JsonNode defs = explainSchema();
        ObjectNode schemas = NODES.objectNode();
        schemas.putObject("io.k8s.apimachinery.pkg.util.intstr.IntOrString").put("type", "string").put("format", "int-or-string");
        schemas.putObject("io.k8s.apimachinery.pkg.api.resource.Quantity").put("type", "string");
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            JsonNode d = def.getValue();
            ObjectNode schema = NODES.objectNode();
            if (d.hasNonNull("description") && !d.get("description").asText().isEmpty()) {
                schema.put("description", d.get("description").asText());
            }
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = d.path("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                ObjectNode f = field(field.getValue().path("type").asText(), field.getValue().path("ref").asText(""));
                if (field.getValue().has("description")) {
                    f.put("description", field.getValue().get("description").asText());
                }
                properties.set(field.getKey(), f);
            }
            if (d.path("required").size() > 0) {
                schema.set("required", d.get("required"));
            }
            String defGroup = def.getKey().substring(0, def.getKey().indexOf('.'));
            ApiResources.ALL.stream().filter(t -> t.kind().equals(d.path("name").asText())
                            && (t.group().isEmpty() ? "core" : t.group().split("\\.")[0]).equals(defGroup))
                    .findFirst().ifPresent(t -> schema.putArray("x-kubernetes-group-version-kind").addObject()
                            .put("group", t.group()).put("kind", t.kind()).put("version", "v1"));
            schemas.set(schemaName(def.getKey()), schema);
        }
        return schemas;
    }

    private static ObjectNode field(String type, String ref) {
        if (type.startsWith("[]")) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", field(type.substring(2), ref));
            return array;
        }
        if (type.startsWith("map[string]")) {
            ObjectNode map = NODES.objectNode().put("type", "object");
            map.set("additionalProperties", field(type.substring(11), ref));
            return map;
        }
        return switch (type) {
            case "string", "integer", "boolean", "number" -> NODES.objectNode().put("type", type);
            case "Object" -> NODES.objectNode().put("type", "object");
            case "IntOrString" -> ref("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
            case "Quantity" -> ref("io.k8s.apimachinery.pkg.api.resource.Quantity");
            default -> {
                ObjectNode f = ref(schemaName(ref));
                f.putObject("default");
                yield f;
            }
        };
    }

    private static ObjectNode ref(String name) {
        ObjectNode f = NODES.objectNode();
        f.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + name);
        return f;
    }

    private static String schemaName(String id) {
        int dot = id.indexOf('.');
        return PACKAGES.getOrDefault(id.substring(0, dot), "io.k8s.api." + id.substring(0, dot) + ".v1") + id.substring(dot);
    }

    private static JsonNode explainSchema() {
        try (InputStream in = OpenApi.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the explain schema is missing from the sandbox runtime: " + SCHEMA);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
