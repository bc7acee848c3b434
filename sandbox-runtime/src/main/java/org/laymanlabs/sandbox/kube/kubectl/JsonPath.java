package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Mirrors k8s.io/client-go/util/jsonpath as {@code kubectl -o jsonpath} runs it (missing keys
 * allowed): text and {@code {actions}}, field paths with {@code [n]}, {@code [*]}, slices, unions,
 * {@code ..} recursion and {@code [?(@.f=="v")]} filters, quoted strings, and {@code range}/{@code end}.
 * Several results of one action print separated by spaces; maps and lists print as JSON.
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

    /** Evaluates one path from the root ({@code $} or a leading dot) or from the range item ({@code @}). */
    static List<JsonNode> evaluate(String expression, JsonNode root, JsonNode current) {
        String e = expression.strip();
        List<JsonNode> nodes = new ArrayList<>();
        if (e.startsWith("$")) {
            nodes.add(root);
            e = e.substring(1);
        } else if (e.startsWith("@")) {
            nodes.add(current);
            e = e.substring(1);
        } else {
            nodes.add(current);
        }
        int i = 0;
        while (i < e.length() && !nodes.isEmpty()) {
            char c = e.charAt(i);
            if (e.startsWith("..", i)) {
                int end = nameEnd(e, i + 2);
                String name = e.substring(i + 2, end);
                List<JsonNode> found = new ArrayList<>();
                nodes.forEach(n -> recurse(n, name, found));
                nodes = found;
                i = end;
            } else if (c == '.') {
                int end = nameEnd(e, i + 1);
                String name = e.substring(i + 1, end);
                nodes = name.isEmpty() ? nodes : field(nodes, name);
                i = end;
            } else if (c == '[') {
                int end = bracketEnd(e, i);
                nodes = subscript(nodes, e.substring(i + 1, end), root);
                i = end + 1;
            } else {
                int end = nameEnd(e, i);
                nodes = field(nodes, e.substring(i, end));
                i = end == i ? i + 1 : end;
            }
        }
        return nodes;
    }

    private static int nameEnd(String e, int from) {
        int i = from;
        while (i < e.length() && e.charAt(i) != '.' && e.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static int bracketEnd(String e, int open) {
        int depth = 0;
        for (int i = open; i < e.length(); i++) {
            if (e.charAt(i) == '[') {
                depth++;
            } else if (e.charAt(i) == ']' && --depth == 0) {
                return i;
            }
        }
        return e.length() - 1;
    }

    private static List<JsonNode> field(List<JsonNode> nodes, String name) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (name.equals("*")) {
                n.elements().forEachRemaining(out::add);
            } else if (n.isObject() && n.has(name)) {
                out.add(n.get(name));
            }
        }
        return out;
    }

    private static void recurse(JsonNode node, String name, List<JsonNode> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().equals(name) || name.equals("*")) {
                    found.add(entry.getValue());
                }
                recurse(entry.getValue(), name, found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> recurse(child, name, found));
        }
    }

    private static List<JsonNode> subscript(List<JsonNode> nodes, String inside, JsonNode root) {
        String s = inside.strip();
        List<JsonNode> out = new ArrayList<>();
        if (s.startsWith("?(") && s.endsWith(")")) {
            for (JsonNode n : nodes) {
                Iterable<JsonNode> items = n.isArray() ? n : List.of(n);
                for (JsonNode item : items) {
                    if (Filter.holds(s.substring(2, s.length() - 1), root, item)) {
                        out.add(item);
                    }
                }
            }
            return out;
        }
        for (String part : s.split(",")) {
            String p = part.strip();
            for (JsonNode n : nodes) {
                if (p.startsWith("'") || p.startsWith("\"")) {
                    String name = p.substring(1, p.length() - 1);
                    if (n.has(name)) {
                        out.add(n.get(name));
                    }
                } else if (p.equals("*")) {
                    n.elements().forEachRemaining(out::add);
                } else if (n.isArray()) {
                    slice(n, p, out);
                }
            }
        }
        return out;
    }

    private static void slice(JsonNode array, String p, List<JsonNode> out) {
        int size = array.size();
        if (!p.contains(":")) {
            int index = Integer.parseInt(p);
            int at = index < 0 ? size + index : index;
            if (at >= 0 && at < size) {
                out.add(array.get(at));
            }
            return;
        }
        String[] bounds = p.split(":", -1);
        int start = bounds[0].isBlank() ? 0 : Integer.parseInt(bounds[0].strip());
        int end = bounds[1].isBlank() ? size : Integer.parseInt(bounds[1].strip());
        int step = bounds.length > 2 && !bounds[2].isBlank() ? Integer.parseInt(bounds[2].strip()) : 1;
        start = Math.max(0, start < 0 ? size + start : start);
        end = Math.min(size, end < 0 ? size + end : end);
        for (int i = start; i < end; i += Math.max(1, step)) {
            out.add(array.get(i));
        }
    }

    /** A filter's condition: {@code @.a.b == "x"}, {@code !=}, {@code <}, {@code >}, or the path's existence. */
    private static final class Filter {

        private Filter() {
        }

        static boolean holds(String condition, JsonNode root, JsonNode item) {
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                int at = condition.indexOf(op);
                if (at > 0) {
                    List<JsonNode> left = operand(condition.substring(0, at).strip(), root, item);
                    List<JsonNode> right = operand(condition.substring(at + op.length()).strip(), root, item);
                    if (left.isEmpty() || right.isEmpty()) {
                        return false;
                    }
                    return compare(left.get(0), right.get(0), op);
                }
            }
            return !evaluate(condition, root, item).isEmpty();
        }

        private static List<JsonNode> operand(String text, JsonNode root, JsonNode item) {
            if (text.startsWith("'") || text.startsWith("\"")) {
                return List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(text.substring(1, text.length() - 1)));
            }
            if (text.matches("-?[0-9.]+")) {
                return List.of(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(Double.parseDouble(text)));
            }
            return evaluate(text, root, item);
        }

        private static boolean compare(JsonNode a, JsonNode b, String op) {
            if (a.isNumber() && b.isNumber()) {
                int c = Double.compare(a.asDouble(), b.asDouble());
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                };
            }
            boolean equal = a.asText().equals(b.asText());
            return op.equals("!=") != equal && (op.equals("==") || op.equals("!="));
        }
    }
}
