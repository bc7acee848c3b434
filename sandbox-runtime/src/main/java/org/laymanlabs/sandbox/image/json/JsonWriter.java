package org.laymanlabs.sandbox.image.json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON byte for byte as Go does. Mirrors encoding/json: Marshal escapes {@code <}, {@code >}
 * and {@code &} as {@code \u003c} etc. (which is why {@code docker inspect} shows them so), and
 * Indent puts each element on its own line with empty arrays and objects kept as {@code []} and
 * {@code {}}.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /** Compact, as {@code json.Marshal}, with object keys in their own order. */
    public static String compact(JsonValue value) {
        StringBuilder out = new StringBuilder();
        new Style(null, false, true).write(out, value, 0);
        return out.toString();
    }

    /** Compact without HTML escapes, as the CLI's {@code json} template function (an Encoder with SetEscapeHTML(false)). */
    public static String compactUnescaped(JsonValue value) {
        StringBuilder out = new StringBuilder();
        new Style(null, false, false).write(out, value, 0);
        return out.toString();
    }

    /** Compact with every object's keys sorted, the canonical form content digests are taken over. */
    public static byte[] canonical(JsonValue value) {
        StringBuilder out = new StringBuilder();
        new Style(null, true, true).write(out, value, 0);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** As {@code json.MarshalIndent(v, "", indent)}. */
    public static String indented(JsonValue value, String indent) {
        StringBuilder out = new StringBuilder();
        new Style(indent, false, true).write(out, value, 0);
        return out.toString();
    }

    /** How to write: indentation (null for compact), sorted keys, HTML-safe escapes. */
    private record Style(String indent, boolean sort, boolean escapeHtml) {

        void write(StringBuilder out, JsonValue value, int depth) {
            if (value instanceof JsonValue.Str s) {
                quote(out, s.value(), escapeHtml);
            } else if (value instanceof JsonValue.Num n) {
                out.append(n.value());
            } else if (value instanceof JsonValue.Bool b) {
                out.append(b.value());
            } else if (value instanceof JsonValue.Null || value instanceof JsonValue.Omitted) {
                out.append("null");
            } else if (value instanceof JsonValue.Arr a) {
                writeArray(out, a, depth);
            } else if (value instanceof JsonValue.Obj o) {
                writeObject(out, o, depth);
            }
        }

        void writeArray(StringBuilder out, JsonValue.Arr array, int depth) {
            if (array.items().isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < array.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                newline(out, depth + 1);
                write(out, array.items().get(i), depth + 1);
            }
            newline(out, depth);
            out.append(']');
        }

        void writeObject(StringBuilder out, JsonValue.Obj object, int depth) {
            if (object.fields().isEmpty()) {
                out.append("{}");
                return;
            }
            Map<String, JsonValue> fields = new java.util.LinkedHashMap<>(object.fields());
            fields.values().removeIf(JsonValue.Omitted.class::isInstance);
            if (sort) {
                fields = new TreeMap<>(fields);
            }
            if (fields.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> it = fields.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonValue> field = it.next();
                newline(out, depth + 1);
                quote(out, field.getKey(), escapeHtml);
                out.append(indent == null ? ":" : ": ");
                write(out, field.getValue(), depth + 1);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            newline(out, depth);
            out.append('}');
        }

        void newline(StringBuilder out, int depth) {
            if (indent != null) {
                out.append('\n').append(indent.repeat(depth));
            }
        }
    }

    /** Go's string encoding, with HTML-safe escapes. */
    public static void quote(StringBuilder out, String text) {
        quote(out, text, true);
    }

    private static void quote(StringBuilder out, String text, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                case '<', '>', '&' -> out.append(escapeHtml ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
