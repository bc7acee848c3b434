package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Mirrors the evaluation half of k8s.io/client-go/util/jsonpath: one path ({@code .a.b},
 * {@code [n]}, {@code [*]}, slices, unions, {@code ..name}, filters) over a JSON tree, yielding every
 * value it reaches; a missing key yields nothing, as with kubectl's allowMissingKeys.
 */
final class JsonPathEvaluation {

    private JsonPathEvaluation() {
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
