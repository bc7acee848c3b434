package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;

/**
 * Mirrors kubectl's genericclioptions.PrintFlags: the {@code -o} formats that print whole objects
 * ({@code yaml}, {@code json}, {@code name}, {@code jsonpath=}), a List wrapper around several
 * objects, and the error for a format kubectl does not know.
 */
final class Output {

    /** What {@code -o} asked for. */
    enum Format { TABLE, WIDE, YAML, JSON, NAME, JSONPATH, CUSTOM_COLUMNS }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Format format;
    private final JsonPath jsonPath;
    private final CustomColumns customColumns;

    private Output(Format format, JsonPath jsonPath) {
        this(format, jsonPath, null);
    }

    private Output(Format format, JsonPath jsonPath, CustomColumns customColumns) {
        this.format = format;
        this.jsonPath = jsonPath;
        this.customColumns = customColumns;
    }

    static Output parse(String output) {
        if (output.isEmpty()) {
            return new Output(Format.TABLE, null);
        }
        int eq = output.indexOf('=');
        String name = eq < 0 ? output : output.substring(0, eq);
        String argument = eq < 0 ? "" : output.substring(eq + 1);
        return switch (name) {
            case "wide" -> new Output(Format.WIDE, null);
            case "yaml" -> new Output(Format.YAML, null);
            case "json" -> new Output(Format.JSON, null);
            case "name" -> new Output(Format.NAME, null);
            case "jsonpath" -> {
                if (argument.isEmpty()) {
                    throw KubectlException.error("template format specified but no template given");
                }
                try {
                    yield new Output(Format.JSONPATH, JsonPath.parse(argument));
                } catch (IllegalArgumentException e) {
                    throw KubectlException.error(e.getMessage());
                }
            }
            case "custom-columns" -> new Output(Format.CUSTOM_COLUMNS, null, CustomColumns.parse(argument));
            case "custom-columns-file", "go-template", "go-template-file", "jsonpath-as-json", "jsonpath-file",
                 "template", "templatefile" -> throw KubectlException.error("-o " + name + " is not available in the sandbox yet; "
                    + "use -o jsonpath, custom-columns, yaml, json, name or wide");
            default -> throw KubectlException.error("unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
                    + "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml");
        };
    }

    Format format() {
        return format;
    }

    boolean humanReadable() {
        return format == Format.TABLE || format == Format.WIDE;
    }

    /** Prints one object, or several as a v1 List, as printGeneric does. */
    String print(List<HasMetadata> objects, boolean single) {
        if (format == Format.CUSTOM_COLUMNS) {
            return customColumns.print(objects, false);
        }
        if (format == Format.NAME) {
            StringBuilder out = new StringBuilder();
            objects.forEach(o -> out.append(name(o)).append('\n'));
            return out.toString();
        }
        Object value = single && objects.size() == 1 ? objects.get(0) : list(objects);
        return switch (format) {
            case YAML -> Codec.shared().toYaml(value);
            case JSON -> Codec.shared().toJson(value);
            default -> jsonPath.execute(tree(value));
        };
    }

    /**
     * The printer {@code kubectl get -w} keeps for a whole watch: each object on its own, the
     * YAML printer putting {@code ---} before every object after its first, custom-columns
     * printing its header once.
     */
    java.util.function.Function<HasMetadata, String> perObject() {
        int[] printed = {0};
        return object -> {
            printed[0]++;
            return switch (format) {
                case YAML -> (printed[0] > 1 ? "---\n" : "") + Codec.shared().toYaml(object);
                case CUSTOM_COLUMNS -> customColumns.print(List.of(object), printed[0] > 1);
                default -> print(List.of(object), true);
            };
        };
    }

    /** "deployment.apps/web", as {@code -o name} and most verbs' messages name an object. */
    static String name(HasMetadata object) {
        return Printers.kindPrefix(ApiResources.of(object.getClass())) + object.getMetadata().getName();
    }

    private static ObjectNode list(List<HasMetadata> objects) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        var items = list.putArray("items");
        objects.forEach(o -> items.add(Codec.shared().toTree(o)));
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }

    /** The object as kubectl's unstructured map, keys sorted as Go marshals maps. */
    static JsonNode tree(Object value) {
        try {
            return JSON.readTree(Codec.shared().toJson(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
