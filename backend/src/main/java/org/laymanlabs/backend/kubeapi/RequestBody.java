package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.DecodingException;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors how kube-apiserver reads a request body (endpoints/handlers/create.go, update.go and the
 * serializer's strict mode): JSON with Go's parse errors, an object of the URL's kind and version,
 * and unknown fields refused when the client asked for {@code fieldValidation=Strict} (kubectl
 * always does), reported as a warning and dropped otherwise (the server's default, Warn).
 */
final class RequestBody {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)'");
    private static final Pattern UNKNOWN = Pattern.compile("unknown field \"(.*)\"");

    /** A decoded object, and the warnings the server sends with its answer. */
    record Decoded<T>(T object, List<String> warnings) {
    }

    private RequestBody() {
    }

    /**
     * The object of a create or update in the encoding its Content-Type names: JSON, YAML, or the
     * protobuf that client-go's typed clients send (kubectl create deployment, create configmap…).
     */
    static JsonNode object(org.laymanlabs.backend.session.ApiRequest request) {
        String type = request.headers().getOrDefault("content-type", "application/json").split(";")[0].trim();
        return switch (type) {
            case "application/json", "" -> parse(request.body(), false);
            case "application/yaml" -> parse(request.body(), true);
            case ProtobufBody.MEDIA_TYPE -> ProtobufBody.object(request.body());
            default -> throw new UnsupportedType();
        };
    }

    /** 415: what the server can read instead. */
    static final class UnsupportedType extends RuntimeException {
        static final String MESSAGE = "the body of the request was in an unknown format - accepted media types include:"
                + " application/json, application/yaml, application/vnd.kubernetes.protobuf";

        UnsupportedType() {
            super(MESSAGE);
        }
    }

    /** The body as a JSON tree; apply patches may be YAML, as their content type says. */
    static JsonNode parse(byte[] body, boolean yaml) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode tree = (yaml ? YAML : JSON).readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, "couldn't get version/kind; json parse error: unexpected end"
                        + " of JSON input");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "couldn't get version/kind; json parse error: "
                    + (yaml ? yamlError(e) : goError(e, text)));
        }
    }

    /** sigs.k8s.io/yaml's words: the line, and the parser's complaint without Java's report around it. */
    private static String yamlError(JsonProcessingException e) {
        String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        return "error converting YAML to JSON: yaml: line " + Math.max(1, e.getLocation().getLineNr()) + ": " + problem;
    }

    /** encoding/json's words for what Jackson found; never Jackson's own, which name Java types. */
    private static String goError(JsonProcessingException e, String text) {
        if (e instanceof JsonEOFException || e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
            return "unexpected end of JSON input";
        }
        Matcher m = UNEXPECTED.matcher(e.getOriginalMessage());
        if (e instanceof JsonParseException && m.find()) {
            return "invalid character '" + m.group(1) + "' looking for beginning of "
                    + (e.getOriginalMessage().contains("field name") ? "object key string" : "value");
        }
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        String at = offset >= 0 && offset < text.length() ? String.valueOf(text.charAt((int) offset)) : "";
        if (e.getOriginalMessage().startsWith("Trailing token")) {
            return "invalid character '" + at + "' after top-level value";
        }
        return at.isEmpty() ? "unexpected end of JSON input" : "invalid character '" + at + "' looking for beginning of value";
    }

    /** The object of a create or update, checked against the URL's kind as the server's decoder checks it. */
    static <T> Decoded<T> decode(JsonNode tree, ResourceType type, Class<T> javaType, String fieldValidation) {
        if (!tree.isObject()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "couldn't get version/kind; json parse error: json: cannot"
                    + " unmarshal " + goKind(tree) + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\";"
                    + " Kind string \"json:\\\"kind,omitempty\\\"\" }");
        }
        String apiVersion = tree.path("apiVersion").asText("");
        String kind = tree.path("kind").asText("");
        if (kind.isEmpty()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "Object 'Kind' is missing in '" + Codec.shared().toStorage(tree) + "'");
        }
        if (!apiVersion.equals(type.apiVersion()) || !kind.equals(type.kind())) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + type.apiVersion() + ")");
        }
        try {
            return new Decoded<>(Codec.shared().decode(tree, javaType), List.of());
        } catch (DecodingException e) {
            String prefix = type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind() + ": ";
            if (!e.onlyUnknownFields()) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, prefix + e.getMessage());
            }
            if ("Strict".equals(fieldValidation)) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, prefix + "strict decoding error: " + e.getMessage());
            }
            ObjectNode known = tree.deepCopy();
            e.problems().forEach(problem -> drop(known, problem));
            try {
                T object = Codec.shared().decode(known, javaType);
                return new Decoded<>(object, "Ignore".equals(fieldValidation) ? List.of() : e.problems());
            } catch (DecodingException again) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, prefix + again.getMessage());
            }
        }
    }

    /** Removes the field an "unknown field" problem names, such as spec.containers[0].foo. */
    private static void drop(ObjectNode tree, String problem) {
        Matcher m = UNKNOWN.matcher(problem);
        if (!m.find()) {
            return;
        }
        List<String> steps = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            Matcher index = Pattern.compile("^([^\\[]*)((\\[\\d+])*)$").matcher(part);
            if (!index.matches()) {
                return;
            }
            steps.add(index.group(1));
            for (String i : index.group(2).replace("]", "").split("\\[")) {
                if (!i.isEmpty()) {
                    steps.add("#" + i);
                }
            }
        }
        JsonNode node = tree;
        for (int i = 0; i < steps.size() - 1 && node != null; i++) {
            String step = steps.get(i);
            node = step.startsWith("#") ? node.get(Integer.parseInt(step.substring(1))) : node.get(step);
        }
        if (node instanceof ObjectNode object) {
            object.remove(steps.get(steps.size() - 1));
        } else if (node instanceof ArrayNode) {
            // An unknown field is always a key of an object.
            return;
        }
    }

    private static String goKind(JsonNode tree) {
        return tree.isArray() ? "array" : tree.isTextual() ? "string" : tree.isNumber() ? "number" : tree.isBoolean() ? "bool" : "null";
    }

    /** A DeleteOptions body, which may be empty. */
    static JsonNode options(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return JSON.createObjectNode();
        }
        return parse(body, false);
    }

}
