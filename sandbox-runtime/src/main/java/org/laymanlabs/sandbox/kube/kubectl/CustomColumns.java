package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mirrors cli-runtime's CustomColumnsPrinter: {@code -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image},
 * one row per object, several values of one column joined by commas, {@code <none>} when a path
 * finds nothing.
 */
final class CustomColumns {

    private record Column(String header, String path) {
    }

    private final List<Column> columns;

    private CustomColumns(List<Column> columns) {
        this.columns = columns;
    }

    static CustomColumns parse(String spec) {
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw KubectlException.error("unexpected custom-columns spec: " + part + ", expected <header>:<json-path-expr>");
            }
            String path = part.substring(colon + 1);
            if (path.startsWith("{") && path.endsWith("}")) {
                path = path.substring(1, path.length() - 1);
            }
            if (!path.startsWith(".") && !path.startsWith("$")) {
                path = "." + path;
            }
            columns.add(new Column(part.substring(0, colon), path));
        }
        if (columns.isEmpty()) {
            throw KubectlException.error("custom-columns format specified but no custom columns given");
        }
        return new CustomColumns(columns);
    }

    String print(List<HasMetadata> objects, boolean noHeaders) {
        TabWriter table = TabWriter.forTables();
        if (!noHeaders) {
            table.row(columns.stream().map(Column::header).toList());
        }
        for (HasMetadata object : objects) {
            JsonNode tree = Output.tree(object);
            table.row(columns.stream().map(c -> cell(JsonPath.evaluate(c.path(), tree, tree))).toList());
        }
        return table.render();
    }

    private static String cell(List<JsonNode> values) {
        if (values.isEmpty()) {
            return "<none>";
        }
        return values.stream().map(v -> v.isContainerNode() ? v.toString() : v.asText()).collect(Collectors.joining(","));
    }
}
