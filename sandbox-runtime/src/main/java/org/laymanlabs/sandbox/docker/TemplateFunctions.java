package org.laymanlabs.sandbox.docker;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.image.json.JsonValue;

/**
 * The functions {@code --format} templates can call: docker/cli templates.go basicFunctions
 * ({@code json}, {@code join}, {@code split}, {@code title}, {@code lower}, {@code upper},
 * {@code pad}, {@code truncate}) and the text/template builtins lessons use.
 */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static JsonValue call(String name, List<JsonValue> args) throws TemplateException {
        return switch (name) {
            case "json" -> JsonValue.of(TemplateExecution.json(arg(args, 0, 1, name)));
            case "join" -> JsonValue.of(strings(arg(args, 0, 2, name), name).stream()
                    .collect(Collectors.joining(text(args.get(1)))));
            case "split" -> JsonValue.ofStrings(Arrays.asList(text(arg(args, 0, 2, name)).split(
                    java.util.regex.Pattern.quote(text(args.get(1))), -1)));
            case "title" -> JsonValue.of(title(text(arg(args, 0, 1, name))));
            case "lower" -> JsonValue.of(text(arg(args, 0, 1, name)).toLowerCase(Locale.ROOT));
            case "upper" -> JsonValue.of(text(arg(args, 0, 1, name)).toUpperCase(Locale.ROOT));
            case "pad" -> JsonValue.of(" ".repeat((int) number(args.get(1))) + text(arg(args, 0, 3, name))
                    + " ".repeat((int) number(args.get(2))));
            case "truncate" -> JsonValue.of(truncate(text(arg(args, 0, 2, name)), (int) number(args.get(1))));
            case "index" -> index(args);
            case "len" -> JsonValue.of(length(arg(args, 0, 1, name)));
            case "not" -> JsonValue.of(!TemplateExecution.truth(arg(args, 0, 1, name)));
            case "and" -> args.stream().filter(a -> !TemplateExecution.truth(a)).findFirst().orElse(args.get(args.size() - 1));
            case "or" -> args.stream().filter(TemplateExecution::truth).findFirst().orElse(args.get(args.size() - 1));
            case "eq" -> JsonValue.of(Objects.equals(TemplateExecution.print(args.get(0)), TemplateExecution.print(args.get(1))));
            case "ne" -> JsonValue.of(!Objects.equals(TemplateExecution.print(args.get(0)), TemplateExecution.print(args.get(1))));
            case "print" -> JsonValue.of(args.stream().map(TemplateExecution::print).collect(Collectors.joining()));
            case "println" -> JsonValue.of(args.stream().map(TemplateExecution::print).collect(Collectors.joining(" ")) + "\n");
            case "printf" -> JsonValue.of(printf(args));
            default -> throw new TemplateException("template: :1: function \"" + name + "\" not defined");
        };
    }

    private static JsonValue arg(List<JsonValue> args, int i, int expected, String name) throws TemplateException {
        if (args.size() != expected) {
            throw new TemplateException(String.format("template: :1: wrong number of args for %s: want %d got %d",
                    name, expected, args.size()));
        }
        return args.get(i);
    }

    private static String text(JsonValue value) {
        return TemplateExecution.print(value);
    }

    private static long number(JsonValue value) throws TemplateException {
        if (value instanceof JsonValue.Num n) {
            return n.value();
        }
        throw new TemplateException("template: :1: expected integer; found " + TemplateExecution.print(value));
    }

    private static List<String> strings(JsonValue value, String name) throws TemplateException {
        if (value instanceof JsonValue.Arr a) {
            return a.items().stream().map(TemplateExecution::print).toList();
        }
        throw new TemplateException("template: :1: wrong type for value; expected []string; got "
                + TemplateExecution.goType(value));
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }

    private static String truncate(String s, int length) {
        return s.codePointCount(0, s.length()) <= length ? s : s.substring(0, s.offsetByCodePoints(0, length));
    }

    private static JsonValue index(List<JsonValue> args) throws TemplateException {
        JsonValue at = args.get(0);
        for (JsonValue key : args.subList(1, args.size())) {
            at = TemplateExecution.unwrap(at);
            if (at instanceof JsonValue.Obj o) {
                at = o.fields().get(TemplateExecution.print(key));
            } else if (at instanceof JsonValue.Arr a && key instanceof JsonValue.Num n) {
                if (n.value() < 0 || n.value() >= a.items().size()) {
                    throw new TemplateException("template: :1: error calling index: index out of range: " + n.value());
                }
                at = a.items().get((int) n.value());
            } else {
                throw new TemplateException("template: :1: error calling index: cannot index slice/array with type string");
            }
        }
        return at;
    }

    private static long length(JsonValue value) throws TemplateException {
        if (value instanceof JsonValue.Arr a) {
            return a.items().size();
        } else if (value instanceof JsonValue.Obj o) {
            return o.fields().size();
        } else if (value instanceof JsonValue.Str s) {
            return s.value().length();
        }
        throw new TemplateException("template: :1: error calling len: len of type " + TemplateExecution.goType(value));
    }

    /** {@code %s}, {@code %v}, {@code %d} and {@code %q} cover what lessons use. */
    private static String printf(List<JsonValue> args) {
        String format = TemplateExecution.print(args.get(0));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
            } else if (next < args.size()) {
                String value = TemplateExecution.print(args.get(next++));
                out.append(verb == 'q' ? "\"" + value + "\"" : value);
            } else {
                out.append("%!").append(verb).append("(MISSING)");
            }
        }
        return out.toString();
    }
}
