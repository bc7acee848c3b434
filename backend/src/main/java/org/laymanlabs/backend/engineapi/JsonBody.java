package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON request body read as moby's httputils.ReadJSON and runconfig's decoder read it with Go's
 * encoding/json: unknown fields are ignored, as Go ignores them; a malformed body or a field of
 * the wrong type is a 400 "invalid JSON: …" in Go's words.
 */
final class JsonBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LIMIT = 1 << 20;
    private static final Pattern BAD_CHARACTER = Pattern.compile("Unexpected character \\('(.)'|Unrecognized token '(.)");

    private final JsonNode root;
    private final String struct;

    private JsonBody(JsonNode root, String struct) {
        this.root = root;
        this.struct = struct;
    }

    /** @param struct the Go type the daemon decodes into, named in type errors */
    static JsonBody read(HttpRequest request, String struct) throws IOException {
        byte[] bytes = request.readBody(LIMIT);
        checkContentType(request.header("content-type").orElse(""), bytes.length);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("invalid JSON: got EOF while reading request body");
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("unexpected content after JSON");
            }
            if (!root.isObject() && !root.isNull()) {
                throw ApiException.badRequest("invalid JSON: json: cannot unmarshal " + goKind(root) + " into Go value of type "
                        + struct);
            }
            return new JsonBody(root, struct);
        } catch (JsonEOFException e) {
            throw ApiException.badRequest("invalid JSON: unexpected EOF");
        } catch (JsonParseException e) {
            throw ApiException.badRequest("invalid JSON: " + invalidCharacter(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * httputils.CheckForJSON: a body must come as application/json (parameters such as a charset
     * are allowed); no Content-Type is fine only without a body.
     */
    private static void checkContentType(String contentType, int length) {
        if (contentType.isEmpty() && length == 0) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.isEmpty()) {
            throw ApiException.badRequest("malformed Content-Type header (" + contentType + "): mime: no media type");
        }
        if (!mediaType.equals("application/json")) {
            throw ApiException.badRequest("unsupported Content-Type header (" + contentType + "): must be 'application/json'");
        }
    }

    /**
     * Go's SyntaxError for the character Jackson stopped at: where a field name was due it wanted
     * "the beginning of object key string", elsewhere "the beginning of value".
     */
    private static String invalidCharacter(JsonParseException e) {
        String jackson = e.getOriginalMessage();
        Matcher m = BAD_CHARACTER.matcher(jackson);
        String character = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "?";
        String wanted = jackson.contains("field name") ? "looking for beginning of object key string"
                : "looking for beginning of value";
        return "invalid character '" + character + "' " + wanted;
    }

    JsonBody child(String field, String childStruct) {
        JsonNode node = root.path(field);
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw typeError(field, node, childStruct);
        }
        return new JsonBody(node.isObject() ? node : MAPPER.createObjectNode(), childStruct);
    }

    String string(String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw typeError(field, node, "string");
        }
        return node.asText();
    }

    boolean bool(String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw typeError(field, node, "bool");
        }
        return node.asBoolean();
    }

    long number(String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber()) {
            throw typeError(field, node, "int");
        }
        return node.asLong();
    }

    /** A list of strings, or empty when absent or null; a lone string counts as a list of one (moby's strslice). */
    Optional<List<String>> strings(String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(List.of(node.asText()));
        }
        if (!node.isArray()) {
            throw typeError(field, node, "[]string");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw typeError(field, item, "string");
            }
            values.add(item.asText());
        }
        return Optional.of(values);
    }

    /** The names of an object field's members, in order. */
    List<String> keys(String field) {
        List<String> keys = new ArrayList<>();
        Iterator<String> names = root.path(field).fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }

    JsonNode node(String field) {
        return root.path(field);
    }

    private ApiException typeError(String field, JsonNode node, String type) {
        return ApiException.badRequest("invalid JSON: json: cannot unmarshal " + goKind(node) + " into Go struct field "
                + struct + "." + field + " of type " + type);
    }

    private static String goKind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "array" : "object";
    }
}
