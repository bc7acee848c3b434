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
        write(out, value, null, 0, false);
        return out.toString();
    }

    /** Compact with every object's keys sorted, the canonical form content digests are taken over. */
    public static byte[] canonical(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(out, value, null, 0, true);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** As {@code json.MarshalIndent(v, "", indent)}. */
    public static String indented(JsonValue value, String indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, 0, false);
        return out.toString();
    }

    private static void write(StringBuilder out, JsonValue value, String indent, int depth, boolean sort) {
        if (value instanceof JsonValue.Str s) {
            quote(out, s.value());
        } else if (value instanceof JsonValue.Num n) {
            out.append(n.value());
        } else if (value instanceof JsonValue.Bool b) {
            out.append(b.value());
        } else if (value instanceof JsonValue.Null) {
            out.append("null");
        } else if (value instanceof JsonValue.Arr a) {
            writeArray(out, a, indent, depth, sort);
        } else if (value instanceof JsonValue.Obj o) {
            writeObject(out, o, indent, depth, sort);
        }
    }

    private static void writeArray(StringBuilder out, JsonValue.Arr array, String indent, int depth, boolean sort) {
        if (array.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.items().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(out, indent, depth + 1);
            write(out, array.items().get(i), indent, depth + 1, sort);
        }
        newline(out, indent, depth);
        out.append(']');
    }

    private static void writeObject(StringBuilder out, JsonValue.Obj object, String indent, int depth, boolean sort) {
        if (object.fields().isEmpty()) {
            out.append("{}");
            return;
        }
        Map<String, JsonValue> fields = sort ? new TreeMap<>(object.fields()) : object.fields();
        out.append('{');
        Iterator<Map.Entry<String, JsonValue>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonValue> field = it.next();
            newline(out, indent, depth + 1);
            quote(out, field.getKey());
            out.append(indent == null ? ":" : ": ");
            write(out, field.getValue(), indent, depth + 1, sort);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        newline(out, indent, depth);
        out.append('}');
    }

    private static void newline(StringBuilder out, String indent, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    /** Go's string encoding, with HTML-safe escapes. */
    public static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
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
