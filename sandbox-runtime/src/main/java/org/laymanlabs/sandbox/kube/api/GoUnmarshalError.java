package org.laymanlabs.sandbox.kube.api;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;

/**
 * Words a wrongly typed value as Go's encoding/json does in kube-apiserver, e.g.
 * {@code json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32},
 * so a learner who wrote {@code replicas: "3"} or a numeric label sees the real message.
 */
final class GoUnmarshalError {

    private GoUnmarshalError() {
    }

    static String describe(MismatchedInputException e, Class<?> root) {
        StringBuilder field = new StringBuilder();
        String struct = root.getSimpleName();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFrom() instanceof Map) {
                break; // Go names the map field, not the key inside it
            }
            if (ref.getFieldName() != null) {
                struct = structName(ref.getFrom(), struct);
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return "json: cannot unmarshal " + goKind(e) + " into Go struct field " + struct + "." + field
                + " of type " + goType(e.getTargetType());
    }

    private static String structName(Object from, String fallback) {
        if (from instanceof Class<?> c) {
            return c.getSimpleName();
        }
        return from == null || from instanceof Map || from instanceof List ? fallback : from.getClass().getSimpleName();
    }

    /** The JSON value's kind as Go names it: string, number, bool, object, array. */
    private static String goKind(MismatchedInputException e) {
        JsonToken token = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p ? p.currentToken() : null;
        if (token == null) {
            return "value";
        }
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            default -> "value";
        };
    }

    private static String goType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class) {
            return "int32";
        }
        if (type == Long.class || type == long.class) {
            return "int64";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "bool";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "[]interface {}";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "map[string]string";
        }
        return "v1." + type.getSimpleName();
    }
}
