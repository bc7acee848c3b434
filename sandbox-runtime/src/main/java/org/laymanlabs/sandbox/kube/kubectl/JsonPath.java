package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors k8s.io/client-go/util/jsonpath as {@code kubectl -o jsonpath} runs it (missing keys
 * allowed): text and {@code {actions}}, field paths with {@code [n]}, {@code [*]}, slices, unions,
 * {@code ..} recursion and {@code [?(@.f=="v")]} filters (see {@link JsonPathEvaluation}), quoted
 * strings, and {@code range}/{@code end}. Several results of one action print separated by spaces;
 * maps and lists print as JSON.
 */
final class JsonPath {

    private sealed interface Node permits Text, Path, Range, End {
    }

    private record Text(String text) implements Node {
    }

    private record Path(String expression) implements Node {
    }

    private record Range(String expression) implements Node {
    }

    private record End() implements Node {
    }

    private final String template;
    private final List<Node> nodes;

    private JsonPath(String template, List<Node> nodes) {
        this.template = template;
        this.nodes = nodes;
    }

    /** Parses a template; kubectl adds braces around a bare path such as {@code .metadata.name}. */
    static JsonPath parse(String template) {
        String t = template;
        if (!t.contains("{")) {
            t = "{" + t + "}";
        }
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                nodes.add(new Text(t.substring(i)));
                break;
            }
            if (open > i) {
                nodes.add(new Text(t.substring(i, open)));
            }
            int close = closing(t, open);
            if (close < 0) {
                throw new IllegalArgumentException("error parsing jsonpath " + template + ", unclosed action");
            }
            for (String action : actions(t.substring(open + 1, close).strip(), template)) {
                nodes.add(action(action, template));
            }
            i = close + 1;
        }
        return new JsonPath(template, nodes);
    }

    private static int closing(String t, int open) {
        char quote = 0;
        for (int i = open + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** An action may hold a quoted string; anything else is one path. */
    private static List<String> actions(String body, String template) {
        if (body.startsWith("\"") || body.startsWith("'") || body.startsWith("range ") || body.equals("end")) {
            return List.of(body);
        }
        if (body.contains("\\") && !body.contains("\"") && !body.contains("'")) {
            int at = body.indexOf('\\');
            throw new IllegalArgumentException("error parsing jsonpath " + template
                    + ", unrecognized character in action: U+005C '\\'");
        }
        return List.of(body);
    }

    private static Node action(String body, String template) {
        if (body.equals("end")) {
            return new End();
        }
        if (body.startsWith("range ")) {
            return new Range(body.substring(6).strip());
        }
        if (body.startsWith("\"") || body.startsWith("'")) {
            return new Text(unquote(body.substring(1, body.length() - 1)));
        }
        return new Path(body);
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    String execute(JsonNode root) {
        StringBuilder out = new StringBuilder();
        run(nodes, 0, nodes.size(), root, root, out);
        return out.toString();
    }

    private void run(List<Node> list, int from, int to, JsonNode root, JsonNode current, StringBuilder out) {
        for (int i = from; i < to; i++) {
            Node node = list.get(i);
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Path path) {
                print(evaluate(path.expression(), root, current), out);
            } else if (node instanceof Range range) {
                int end = matchingEnd(list, i);
                for (JsonNode item : evaluate(range.expression(), root, current)) {
                    if (item.isArray()) {
                        for (JsonNode element : item) {
                            run(list, i + 1, end, root, element, out);
                        }
                    } else {
                        run(list, i + 1, end, root, item, out);
                    }
                }
                i = end;
            }
        }
    }

    private int matchingEnd(List<Node> list, int range) {
        int depth = 0;
        for (int i = range + 1; i < list.size(); i++) {
            if (list.get(i) instanceof Range) {
                depth++;
            } else if (list.get(i) instanceof End) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("error parsing jsonpath " + template + ", not in range, nothing to end");
    }

    private static void print(List<JsonNode> results, StringBuilder out) {
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            out.append(r.isContainerNode() ? r.toString() : r.isNull() ? "null" : r.asText());
            if (i != results.size() - 1) {
                out.append(' ');
            }
        }
    }

    static List<JsonNode> evaluate(String expression, JsonNode root, JsonNode current) {
        return JsonPathEvaluation.evaluate(expression, root, current);
    }
}
