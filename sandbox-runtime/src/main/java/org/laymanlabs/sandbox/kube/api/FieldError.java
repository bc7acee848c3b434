package org.laymanlabs.sandbox.kube.api;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Mirrors k8s.io/apimachinery/pkg/util/validation/field.Error: what is wrong with one field,
 * printed as kube-apiserver prints it, e.g.
 * {@code spec.containers[0].image: Required value}.
 */
public record FieldError(Type type, String field, Object value, String detail) {

    /** field.ErrorType, with the words each one prints. */
    public enum Type {
        REQUIRED("Required value"),
        INVALID("Invalid value"),
        DUPLICATE("Duplicate value"),
        NOT_SUPPORTED("Unsupported value"),
        FORBIDDEN("Forbidden");

        private final String words;

        Type(String words) {
            this.words = words;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, "");
    }

    public static FieldError notSupported(String field, Object value, java.util.List<String> supported) {
        return new FieldError(Type.NOT_SUPPORTED, field, value,
                "supported values: " + supported.stream().map(GoValue::quote).collect(Collectors.joining(", ")));
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    /** field.Error.Error(): required and forbidden errors print no value. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(field).append(": ").append(type.words);
        if (type != Type.REQUIRED && type != Type.FORBIDDEN) {
            out.append(": ").append(GoValue.format(value));
        }
        if (detail != null && !detail.isEmpty()) {
            out.append(": ").append(detail);
        }
        return out.toString();
    }

    /** How field.Error prints a value: Go's %q for strings, %#v for maps of strings. */
    static final class GoValue {

        private GoValue() {
        }

        static String format(Object value) {
            if (value instanceof String s) {
                return quote(s);
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                        .map(e -> quote(e.getKey().toString()) + ":" + quote(String.valueOf(e.getValue())))
                        .collect(Collectors.joining(", ", "map[string]string{", "}"));
            }
            return value == null ? "null" : value.toString();
        }

        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
