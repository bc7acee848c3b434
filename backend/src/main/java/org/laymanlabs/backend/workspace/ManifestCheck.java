package org.laymanlabs.backend.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.DecodingException;
import org.laymanlabs.sandbox.kube.api.Defaults;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.api.Validation;

/**
 * What {@code kubectl apply -f} would be told about a manifest, before the learner runs it: YAML
 * syntax, a missing or unknown kind, strict decoding (unknown fields, wrong types) and the API
 * server's validation, each placed on the line of the field it names, or the document's first.
 */
final class ManifestCheck {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ManifestCheck() {
    }

    static List<ManifestProblem> check(String text) {
        List<ManifestProblem> problems = new ArrayList<>();
        List<Map<String, Integer>> lines;
        List<JsonNode> documents = new ArrayList<>();
        try {
            lines = fieldLines(text);
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    documents.add(docs.next());
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            return List.of(new ManifestProblem(line, "error converting YAML to JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(new ManifestProblem(1, e.getMessage()));
        }
        for (int i = 0; i < documents.size() && i < lines.size(); i++) {
            problems.addAll(checkDocument(documents.get(i), lines.get(i)));
        }
        return problems;
    }

    private static List<ManifestProblem> checkDocument(JsonNode doc, Map<String, Integer> lines) {
        int first = lines.getOrDefault("", 1);
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
            return List.of();
        }
        String kind = doc.path("kind").asText("");
        String apiVersion = doc.path("apiVersion").asText("");
        if (kind.isEmpty() || apiVersion.isEmpty()) {
            return List.of(new ManifestProblem(first, "error validating data: "
                    + (kind.isEmpty() && apiVersion.isEmpty() ? "[apiVersion not set, kind not set]"
                    : kind.isEmpty() ? "kind not set" : "apiVersion not set")));
        }
        Optional<ResourceType> type = ApiResources.byKind(apiVersion, kind);
        if (type.isEmpty()) {
            return List.of(new ManifestProblem(lines.getOrDefault("kind", first), "no matches for kind \"" + kind
                    + "\" in version \"" + apiVersion + "\""));
        }
        HasMetadata object;
        try {
            object = Codec.shared().decode(doc, type.get().type());
        } catch (DecodingException e) {
            return e.problems().stream().map(p -> new ManifestProblem(lineOf(p, lines, first), p)).toList();
        }
        Defaults.apply(object);
        List<ManifestProblem> problems = new ArrayList<>();
        for (FieldError error : Validation.validate(object, null)) {
            problems.add(new ManifestProblem(lineOf(error.field(), lines, first), error.toString()));
        }
        return problems;
    }

    /** The line of the longest field path the message names. */
    static int lineOf(String message, Map<String, Integer> lines, int fallback) {
        return lines.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && message.contains(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(fallback);
    }

    /**
     * For each document, the line of every field path in it ({@code spec.template.spec.containers[0].image}),
     * "" being the document's first line.
     */
    static List<Map<String, Integer>> fieldLines(String text) throws IOException {
        List<Map<String, Integer>> documents = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            List<Frame> stack = new ArrayList<>();
            Map<String, Integer> current = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (stack.isEmpty()) {
                    current = new LinkedHashMap<>();
                    current.put("", line);
                    documents.add(current);
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.remove(stack.size() - 1);
                    continue;
                }
                if (token == JsonToken.FIELD_NAME) {
                    stack.get(stack.size() - 1).field = parser.currentName();
                    current.put(path(stack), line);
                    continue;
                }
                if (!stack.isEmpty() && stack.get(stack.size() - 1).array) {
                    stack.get(stack.size() - 1).index++;
                    current.put(path(stack), line);
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.add(new Frame(token == JsonToken.START_ARRAY));
                }
            }
        }
        return documents;
    }

    private static String path(List<Frame> stack) {
        StringBuilder out = new StringBuilder();
        for (Frame frame : stack) {
            if (frame.array) {
                out.append('[').append(frame.index).append(']');
            } else if (frame.field != null) {
                out.append(out.length() == 0 ? "" : ".").append(frame.field);
            }
        }
        return out.toString();
    }

    /** An object (with the field being read) or an array (with the element's index) being walked. */
    private static final class Frame {
        final boolean array;
        String field;
        int index = -1;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
