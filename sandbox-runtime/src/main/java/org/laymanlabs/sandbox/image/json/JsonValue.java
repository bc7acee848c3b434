package org.laymanlabs.sandbox.image.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A JSON document as the engine's Go code would produce it. Objects keep their key order and
 * remember whether Go encoded them from a struct (fields in declaration order) or from a map
 * (keys sorted), because Go templates print the two differently.
 */
public sealed interface JsonValue {

    static JsonValue of(String text) {
        return new Str(text);
    }

    static JsonValue of(long number) {
        return new Num(number);
    }

    static JsonValue of(boolean flag) {
        return new Bool(flag);
    }

    static JsonValue ofStrings(List<String> texts) {
        return new Arr(texts.stream().<JsonValue>map(Str::new).toList());
    }

    record Str(String value) implements JsonValue {
    }

    record Num(long value) implements JsonValue {
    }

    record Bool(boolean value) implements JsonValue {
    }

    record Null() implements JsonValue {
    }

    /**
     * A struct field left out of the JSON because it is empty and tagged {@code omitempty}, while
     * a Go template still sees it, with its zero value ({@code {{.Config.Entrypoint}}} prints {@code []}).
     */
    record Omitted(JsonValue zero) implements JsonValue {
    }

    record Arr(List<JsonValue> items) implements JsonValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** @param fromMap true if Go encoded it from a map, so its keys are sorted and templates print {@code map[k:v]} */
    record Obj(Map<String, JsonValue> fields, boolean fromMap) implements JsonValue {

        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public static Builder struct() {
            return new Builder(false);
        }

        /** A Go map: keys come out sorted whatever order they are added in. */
        public static Builder map() {
            return new Builder(true);
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }
    }

    /** Collects an object's fields in order. */
    final class Builder {
        private final boolean fromMap;
        private final Map<String, JsonValue> fields;

        private Builder(boolean fromMap) {
            this.fromMap = fromMap;
            this.fields = fromMap ? new TreeMap<>() : new LinkedHashMap<>();
        }

        public Builder put(String key, JsonValue value) {
            fields.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, new Str(value));
        }

        public Builder put(String key, long value) {
            return put(key, new Num(value));
        }

        /** Adds the field only if it is not empty, like a Go field tagged {@code omitempty}. */
        public Builder putIfNotEmpty(String key, JsonValue value) {
            boolean empty = (value instanceof Str s && s.value().isEmpty())
                    || (value instanceof Arr a && a.items().isEmpty())
                    || (value instanceof Obj o && o.fields().isEmpty())
                    || (value instanceof Bool b && !b.value())
                    || value instanceof Null;
            return put(key, empty ? new Omitted(value) : value);
        }

        public Obj build() {
            return new Obj(fields, fromMap);
        }
    }
}
