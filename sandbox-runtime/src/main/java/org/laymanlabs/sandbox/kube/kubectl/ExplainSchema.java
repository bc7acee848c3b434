package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * The part of the API server's OpenAPI v3 document that {@code kubectl explain} reads: each type
 * the served kinds reach, its description, and its fields with their type as kubectl names it
 * ({@code <[]Container>}, {@code <map[string]string>}), whether they are required, and their
 * descriptions. It is generated from Kubernetes 1.32's published API descriptions by
 * tools/explain-schema, and read once for all sandboxes.
 */
final class ExplainSchema {

    /** One field; {@code ref} names the type to descend into, or is null for a primitive. */
    record Property(String name, String type, String ref, String description, boolean required) {
    }

    /** One type: its description and its fields in name order (Go ranges a map sorted). */
    record Definition(String id, String description, List<Property> properties) {

        Optional<Property> property(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    private static final class Holder {
        static final ExplainSchema SHARED = load();
    }

    private final Map<String, Definition> definitions;

    private ExplainSchema(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    static ExplainSchema shared() {
        return Holder.SHARED;
    }

    Definition kind(ResourceType type) {
        String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
        return definition(group + "." + type.kind());
    }

    Definition definition(String id) {
        Definition definition = definitions.get(id);
        if (definition == null) {
            throw new IllegalStateException("explain schema lacks " + id);
        }
        return definition;
    }

    private static ExplainSchema load() {
        try (InputStream in = ExplainSchema.class.getResourceAsStream("explain-schema.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Definition> definitions = new HashMap<>();
            root.fields().forEachRemaining(entry -> definitions.put(entry.getKey(), definition(entry.getKey(), entry.getValue())));
            return new ExplainSchema(definitions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Definition definition(String id, JsonNode node) {
        Set<String> required = new HashSet<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        List<Property> properties = new ArrayList<>();
        node.path("properties").fields().forEachRemaining(p -> properties.add(new Property(p.getKey(),
                p.getValue().path("type").asText(), p.getValue().hasNonNull("ref") ? p.getValue().get("ref").asText() : null,
                p.getValue().path("description").asText(""), required.contains(p.getKey()))));
        properties.sort(java.util.Comparator.comparing(Property::name));
        return new Definition(id, node.path("description").asText(""), List.copyOf(properties));
    }
}
