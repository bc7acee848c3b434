package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * docs/lab-schema.json, the published JSON Schema of lab.yaml, applied to a parsed file. Its
 * errors are turned into an instructor's words ("unknown field 'titel'; allowed here: …") at the
 * line and column of the offending key or value.
 */
final class LabSchema {

    private static final String RESOURCE = "lab-schema.json";
    private static final JsonNode DOCUMENT = load();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(DOCUMENT.toString(), InputFormat.JSON);

    private LabSchema() {
    }

    private static JsonNode load() {
        try (InputStream in = LabSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabProblem> validate(String file, YamlTree tree) {
        List<LabProblem> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree.root())) {
            problems.add(problem(file, tree, error));
        }
        return problems;
    }

    private static LabProblem problem(String file, YamlTree tree, Error error) {
        List<Object> path = path(error.getInstanceLocation());
        String where = dotted(path);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "additionalProperties" -> {
                List<Object> field = new ArrayList<>(path);
                field.add(error.getProperty());
                int[] at = tree.keyAt(field);
                return new LabProblem(file, at[0], at[1], "unknown field '" + error.getProperty() + "'"
                        + (where.isEmpty() ? "" : " in " + where) + "; allowed here: " + allowed(error));
            }
            case "required" -> {
                int[] at = tree.keyAt(path);
                return new LabProblem(file, at[0], at[1], "missing field '" + error.getProperty() + "'"
                        + (where.isEmpty() ? " at the top level" : " in " + where));
            }
            case "enum" -> {
                int[] at = tree.at(path);
                String options = StreamSupport.stream(error.getSchemaNode().spliterator(), false)
                        .map(JsonNode::asText).collect(Collectors.joining(", "));
                String what = where.endsWith(".kind") && where.contains(".checks[") ? "unknown check kind " : "unknown value ";
                return new LabProblem(file, at[0], at[1], what + "'" + error.getInstanceNode().asText() + "' for "
                        + where + "; use one of: " + options);
            }
            default -> {
                int[] at = tree.at(path);
                String message = error.getMessage();
                // networknt starts its messages with the instance path, which the position already gives.
                int colon = message.indexOf(": ");
                if (message.startsWith("$") && colon > 0) {
                    message = message.substring(colon + 2);
                }
                return new LabProblem(file, at[0], at[1], (where.isEmpty() ? "" : where + ": ") + message);
            }
        }
    }

    /** The properties the schema allows where an unknown one was found. */
    private static String allowed(Error error) {
        String location = error.getSchemaLocation().toString();
        int hash = location.indexOf("#/");
        if (hash < 0) {
            return "see docs/lab-format.md";
        }
        JsonNode node = DOCUMENT;
        String[] parts = location.substring(hash + 2).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.path(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        List<String> names = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "see docs/lab-format.md" : String.join(", ", names);
    }

    private static List<Object> path(NodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        return path;
    }

    static String dotted(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(element);
            }
        }
        return text.toString();
    }
}
