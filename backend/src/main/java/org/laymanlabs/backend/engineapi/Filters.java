package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} query parameter, as moby api/types/filters.FromJSON reads it: either
 * {@code {"status":["running"]}} or the older {@code {"status":{"running":true}}}; handed to the
 * daemon's filters as the CLI's {@code key=value} terms.
 */
final class Filters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Filters() {
    }

    static List<String> terms(String json) {
        List<String> terms = new ArrayList<>();
        if (json.isEmpty()) {
            return terms;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid filter: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("invalid filter: the filters must be a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode values = field.getValue();
            if (values.isArray()) {
                values.forEach(v -> terms.add(field.getKey() + "=" + v.asText()));
            } else if (values.isObject()) {
                values.fieldNames().forEachRemaining(v -> terms.add(field.getKey() + "=" + v));
            } else {
                throw ApiException.badRequest("invalid filter: the values of '" + field.getKey() + "' must be a list");
            }
        }
        return terms;
    }
}
