package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * Runs a {@link GoTemplate} against a JSON value. Mirrors text/template's exec.go (fields, pipes,
 * truthiness, {@code fmt} printing: {@code [a b]}, {@code map[k:v]}, {@code <no value>}) and
 * docker/cli's templates.go functions ({@code json}, {@code join}, {@code split}, {@code upper}…),
 * including the header mode that turns those functions into identities for table headers.
 */
final class TemplateExecution {

    private static final Set<String> FUNCTIONS = Set.of("json", "join", "split", "title", "lower", "upper", "pad",
            "truncate", "index", "len", "not", "and", "or", "eq", "ne", "print", "printf", "println");
    private static final Set<String> HEADER_IDENTITIES = Set.of("json", "join", "split", "title", "lower", "upper", "pad", "truncate");

    private final String source;
    private final String rowType;
    private final boolean header;

    /**
     * @param rowType the Go type of the value, such as {@code *formatter.imageContext}: a missing
     *                field is then an error, as on a Go struct; null for JSON maps (prints {@code <no value>})
     * @param header  true when rendering a table header from a map of column titles
     */
    TemplateExecution(String source, String rowType, boolean header) {
        this.source = source;
        this.rowType = rowType;
        this.header = header;
    }

    static boolean knows(String function) {
        return FUNCTIONS.contains(function);
    }

    String run(GoTemplate template, JsonValue dot) throws TemplateException {
        StringBuilder out = new StringBuilder();
        run(template.nodes(), dot, out);
        return out.toString();
    }

    private void run(List<GoTemplate.Node> nodes, JsonValue dot, StringBuilder out) throws TemplateException {
        for (GoTemplate.Node node : nodes) {
            if (node instanceof GoTemplate.Text text) {
                out.append(text.text());
            } else if (node instanceof GoTemplate.Action action) {
                out.append(print(pipeline(action.pipeline(), dot)));
            } else if (node instanceof GoTemplate.If branch) {
                run(truth(pipeline(branch.condition(), dot)) ? branch.then() : branch.otherwise(), dot, out);
            } else if (node instanceof GoTemplate.Range range) {
                List<JsonValue> items = items(pipeline(range.pipeline(), dot));
                for (JsonValue item : items) {
                    run(range.body(), item, out);
                }
                if (items.isEmpty()) {
                    run(range.otherwise(), dot, out);
                }
            }
        }
    }

    private JsonValue pipeline(GoTemplate.Pipeline pipeline, JsonValue dot) throws TemplateException {
        JsonValue result = null;
        boolean first = true;
        for (List<GoTemplate.Arg> command : pipeline.commands()) {
            List<JsonValue> args = new ArrayList<>();
            for (GoTemplate.Arg arg : command.subList(1, command.size())) {
                args.add(value(arg, dot));
            }
            if (!first) {
                args.add(result);
            }
            if (command.get(0) instanceof GoTemplate.Function function) {
                result = call(function.name(), args);
            } else if (args.isEmpty()) {
                result = value(command.get(0), dot);
            } else {
                throw new TemplateException("template: :1: can't give argument to non-function " + command.get(0));
            }
            first = false;
        }
        return result;
    }

    private JsonValue value(GoTemplate.Arg arg, JsonValue dot) throws TemplateException {
        if (arg instanceof GoTemplate.Literal literal) {
            return literal.value();
        } else if (arg instanceof GoTemplate.Sub sub) {
            return pipeline(sub.pipeline(), dot);
        } else if (arg instanceof GoTemplate.Field field) {
            return field(field, dot);
        }
        throw new TemplateException("template: :1: function \"" + ((GoTemplate.Function) arg).name() + "\" used as a value");
    }

    private JsonValue field(GoTemplate.Field field, JsonValue dot) throws TemplateException {
        JsonValue at = dot;
        for (String name : field.names()) {
            at = unwrap(at);
            if (at == null) {
                return null;
            }
            if (!(at instanceof JsonValue.Obj object)) {
                throw fieldError(field, name, goType(at));
            }
            JsonValue next = object.fields().get(name);
            if (next == null && rowType != null && !header && at == dot) {
                throw fieldError(field, name, rowType);
            }
            at = next;
        }
        return at;
    }

    private TemplateException fieldError(GoTemplate.Field field, String name, String type) {
        String before = source.substring(0, Math.min(field.position(), source.length()));
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - (before.lastIndexOf('\n') + 1);
        String node = "." + String.join(".", field.names());
        return new TemplateException(String.format("template: :%d:%d: executing \"\" at <%s>: can't evaluate field %s in type %s",
                line, column, node, name, type));
    }

    private JsonValue call(String name, List<JsonValue> args) throws TemplateException {
        if (header && HEADER_IDENTITIES.contains(name)) {
            return JsonValue.of(args.isEmpty() ? "" : print(args.get(0)));
        }
        return TemplateFunctions.call(name, args.stream().map(TemplateExecution::unwrap).toList());
    }

    static JsonValue unwrap(JsonValue value) {
        return value instanceof JsonValue.Omitted omitted ? omitted.zero() : value;
    }

    static boolean truth(JsonValue value) {
        JsonValue v = unwrap(value);
        if (v == null || v instanceof JsonValue.Null) {
            return false;
        } else if (v instanceof JsonValue.Str s) {
            return !s.value().isEmpty();
        } else if (v instanceof JsonValue.Num n) {
            return n.value() != 0;
        } else if (v instanceof JsonValue.Bool b) {
            return b.value();
        } else if (v instanceof JsonValue.Arr a) {
            return !a.items().isEmpty();
        }
        return !((JsonValue.Obj) v).fields().isEmpty() || !((JsonValue.Obj) v).fromMap();
    }

    private static List<JsonValue> items(JsonValue value) throws TemplateException {
        JsonValue v = unwrap(value);
        if (v == null || v instanceof JsonValue.Null) {
            return List.of();
        } else if (v instanceof JsonValue.Arr a) {
            return a.items();
        } else if (v instanceof JsonValue.Obj o && o.fromMap()) {
            return List.copyOf(o.fields().values());
        }
        throw new TemplateException("template: :1: range can't iterate over " + print(v));
    }

    /** Go's {@code fmt.Sprint} of the value, as an action prints it. */
    static String print(JsonValue value) {
        JsonValue v = unwrap(value);
        if (v == null) {
            return "<no value>";
        } else if (v instanceof JsonValue.Str s) {
            return s.value();
        } else if (v instanceof JsonValue.Num n) {
            return Long.toString(n.value());
        } else if (v instanceof JsonValue.Bool b) {
            return Boolean.toString(b.value());
        } else if (v instanceof JsonValue.Null) {
            return "<nil>";
        } else if (v instanceof JsonValue.Arr a) {
            return a.items().stream().map(TemplateExecution::print).collect(Collectors.joining(" ", "[", "]"));
        }
        JsonValue.Obj o = (JsonValue.Obj) v;
        if (o.fromMap()) {
            return new TreeMap<>(o.fields()).entrySet().stream()
                    .map(e -> e.getKey() + ":" + print(e.getValue())).collect(Collectors.joining(" ", "map[", "]"));
        }
        return o.fields().values().stream().map(TemplateExecution::print).collect(Collectors.joining(" ", "{", "}"));
    }

    static String goType(JsonValue value) {
        if (value instanceof JsonValue.Str) {
            return "string";
        } else if (value instanceof JsonValue.Num) {
            return "int64";
        } else if (value instanceof JsonValue.Bool) {
            return "bool";
        } else if (value instanceof JsonValue.Arr) {
            return "[]string";
        }
        return "interface {}";
    }

    /** Writes a value as the {@code json} template function does (no HTML escapes). */
    static String json(JsonValue value) {
        return value == null ? "null" : JsonWriter.compactUnescaped(value);
    }
}
