package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a JSON tree (what the schema validates and the binder reads) plus where
 * each value and each key sits in the file. Jackson's own YAML tree forgets positions, so the
 * tree is built here from SnakeYAML's composed nodes, which keep them.
 *
 * @param root      the document, or null for a file with no document
 * @param positions where each value starts, by its path from the root (keys and indexes)
 * @param keys      where each mapping key starts, by the path of the value it names
 */
record YamlTree(JsonNode root, Map<List<Object>, Node> positions, Map<List<Object>, Node> keys) {

    /** A YAML syntax error, at the problem's position. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    static YamlTree parse(String text) throws SyntaxError {
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            node = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new SyntaxError(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "YAML syntax: " + problem + context);
        } catch (RuntimeException e) {
            throw new SyntaxError(1, 1, "YAML syntax: " + e.getMessage());
        }
        YamlTree tree = new YamlTree(null, new HashMap<>(), new HashMap<>());
        return node == null ? tree : new YamlTree(tree.convert(node, List.of()), tree.positions, tree.keys);
    }

    private JsonNode convert(Node node, List<Object> path) {
        positions.put(path, node);
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = json.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                List<Object> child = append(path, key);
                keys.put(child, tuple.getKeyNode());
                object.set(key, convert(tuple.getValueNode(), child));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = json.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                array.add(convert(items.get(i), append(path, i)));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return json.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return json.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
                    || value.equalsIgnoreCase("on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return json.numberNode(new BigInteger(value.replace("_", "")).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return json.textNode(value);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return json.numberNode(Double.parseDouble(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return json.textNode(value);
            }
        }
        return json.textNode(value);
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    /** Where the value at {@code path} starts, or its nearest ancestor's, 1-based. */
    int[] at(List<Object> path) {
        List<Object> p = path;
        while (!positions.containsKey(p) && !p.isEmpty()) {
            p = p.subList(0, p.size() - 1);
        }
        Node node = positions.get(p);
        return node == null ? new int[] {1, 1} : position(node.getStartMark());
    }

    /** Where the key that names the value at {@code path} starts, else where the value starts. */
    int[] keyAt(List<Object> path) {
        Node key = keys.get(path);
        return key == null ? at(path) : position(key.getStartMark());
    }

    /** The composed node of a value, for positions inside a scalar (a CEL expression). */
    Node node(List<Object> path) {
        return positions.get(path);
    }

    static int[] position(Mark mark) {
        return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
    }
}
