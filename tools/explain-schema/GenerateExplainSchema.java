// Writes sandbox-runtime's kubectl explain schema (see README.md here): the field tree of the fabric8
// model classes the sandbox serves, cut down to the fields Kubernetes 1.32 has, with the OpenAPI
// descriptions and "required" flags as two npm packages carry them in their TypeScript:
// @kubernetes/client-node 1.0.0 (generated from the 1.32 OpenAPI, but its generator drops the
// description of every field whose type is another object) and kubernetes-types 1.30.0 (which
// keeps those). A field counts as 1.32's when client-node has it.
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Usage: GenerateExplainSchema CLIENT_NODE_PACKAGE_DIR KUBERNETES_TYPES_PACKAGE_DIR > explain-schema.json */
public class GenerateExplainSchema {

    static final String[] KINDS = {
            "io.fabric8.kubernetes.api.model.ConfigMap", "io.fabric8.kubernetes.api.model.Endpoints",
            "io.fabric8.kubernetes.api.model.Event", "io.fabric8.kubernetes.api.model.Namespace",
            "io.fabric8.kubernetes.api.model.Node", "io.fabric8.kubernetes.api.model.Pod",
            "io.fabric8.kubernetes.api.model.Secret", "io.fabric8.kubernetes.api.model.ServiceAccount",
            "io.fabric8.kubernetes.api.model.Service", "io.fabric8.kubernetes.api.model.apps.DaemonSet",
            "io.fabric8.kubernetes.api.model.apps.Deployment", "io.fabric8.kubernetes.api.model.apps.ReplicaSet",
            "io.fabric8.kubernetes.api.model.batch.v1.Job", "io.fabric8.kubernetes.api.model.coordination.v1.Lease",
            "io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice",
            "io.fabric8.kubernetes.api.model.networking.v1.Ingress"};

    /** Types the OpenAPI gives no fields of its own (kubectl explain prints their name and stops). */
    static final Set<String> OPAQUE = Set.of("IntOrString", "Quantity");

    record Doc(String description, boolean required) { }

    /** "TypeName.field" (client-node names keep their group prefix, e.g. DiscoveryV1EndpointPort) → doc. */
    static final Map<String, Doc> CLIENT_NODE = new HashMap<>();
    /** "group/TypeName.field" (group as kubernetes-types' directory: core, apps, meta…) → doc. */
    static final Map<String, Doc> TYPES_130 = new HashMap<>();
    static final Map<String, String> TYPE_DOCS_130 = new HashMap<>();
    static final Map<String, String> TYPE_DOCS_CLIENT_NODE = new HashMap<>();

    public static void main(String[] args) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(args[0], "dist/gen/models"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".d.ts")).toList()) {
                parse(f, "", CLIENT_NODE, TYPE_DOCS_CLIENT_NODE);
            }
        }
        for (String group : List.of("core", "meta", "apps", "batch", "coordination", "discovery", "networking")) {
            parse(Path.of(args[1], group, "v1.d.ts"), group + "/", TYPES_130, TYPE_DOCS_130);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode definitions = json.createObjectNode();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (String kind : KINDS) {
            todo.add(Class.forName(kind));
        }
        Map<String, Class<?>> done = new TreeMap<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.poll();
            String id = id(type);
            if (done.containsKey(id)) {
                continue;
            }
            done.put(id, type);
            ObjectNode definition = definitions.putObject(id);
            definition.put("name", type.getSimpleName());
            String typeDoc = typeDoc(type);
            if (typeDoc != null) {
                definition.put("description", typeDoc);
            }
            var required = definition.putArray("required");
            ObjectNode properties = definition.putObject("properties");
            Map<String, ObjectNode> sorted = new TreeMap<>();
            for (Field field : type.getDeclaredFields()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                if (property == null || field.getAnnotation(JsonIgnore.class) != null) {
                    continue;
                }
                String name = property.value().isEmpty() ? field.getName() : property.value();
                Doc newest = clientNode(type, name);
                if (newest == null) {
                    continue; // not a field of Kubernetes 1.32
                }
                Doc older = types130(type, name);
                ObjectNode node = json.createObjectNode();
                Type generic = field.getGenericType();
                node.put("type", guess(generic));
                Class<?> ref = modelClass(generic);
                if (ref != null) {
                    node.put("ref", id(ref));
                    todo.add(ref);
                }
                // client-node flattens paragraph breaks; kubernetes-types keeps them, so its copy
                // wins whenever the two say the same words.
                String description = older != null && (newest.description().isEmpty()
                        || words(older.description()).equals(words(newest.description())))
                        ? older.description() : newest.description();
                if (!description.isEmpty()) {
                    node.put("description", description);
                }
                if (newest.required()) {
                    required.add(name);
                }
                sorted.put(name, node);
            }
            sorted.forEach(properties::set);
        }
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(definitions));
    }

    static final Pattern TYPE = Pattern.compile("^export (?:declare class|interface) (\\w+)");
    static final Pattern FIELD = Pattern.compile("^\\s+(?:readonly )?'?([\\w$-]+)'?(\\??):");

    /** Reads the doc comments above each interface/class and each of its fields. */
    static void parse(Path file, String prefix, Map<String, Doc> fields, Map<String, String> types) throws IOException {
        String type = null;
        List<String> comment = null;
        String pending = null;
        int depth = 0;
        for (String line : Files.readAllLines(file)) {
            String t = line.trim();
            if (comment != null) {
                if (t.endsWith("*/")) {
                    String last = t.substring(0, t.length() - 2).trim();
                    if (!last.isEmpty() && !last.equals("*")) {
                        comment.add(strip(last));
                    }
                    pending = String.join("\n", comment).strip();
                    comment = null;
                } else {
                    comment.add(strip(t));
                }
                continue;
            }
            if (t.startsWith("/**")) {
                if (t.endsWith("*/")) {
                    pending = unescape(t.substring(3, t.length() - 2).trim());
                } else {
                    comment = new ArrayList<>();
                    String first = t.substring(3).trim();
                    if (!first.isEmpty()) {
                        comment.add(unescape(first));
                    }
                }
                continue;
            }
            Matcher m = TYPE.matcher(line);
            if (m.find()) {
                type = m.group(1);
                if (pending != null) {
                    types.put(prefix + type, pending);
                }
                pending = null;
                depth = 1;
                continue;
            }
            if (type != null && depth == 1) {
                Matcher f = FIELD.matcher(line);
                if (f.find() && !line.contains("static ")) {
                    fields.put(prefix + type + "." + f.group(1), new Doc(pending == null ? "" : pending, f.group(2).isEmpty()));
                }
            }
            depth += count(line, '{') - count(line, '}');
            if (depth <= 0) {
                type = null;
            }
            pending = null;
        }
    }

    static String words(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static String strip(String line) {
        String t = line.startsWith("*") ? line.substring(1) : line;
        return unescape(t.startsWith(" ") ? t.substring(1) : t);
    }

    /** client-node's generator escapes quotes inside its comments; the API's text has none. */
    static String unescape(String text) {
        return text.replace("\\'", "'").replace("\\\"", "\"");
    }

    static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    static String group(Class<?> type) {
        String pkg = type.getPackageName();
        return pkg.contains(".apps") ? "apps" : pkg.contains(".batch") ? "batch" : pkg.contains(".coordination")
                ? "coordination" : pkg.contains(".discovery") ? "discovery" : pkg.contains(".networking") ? "networking"
                : "core";
    }

    static List<String> clientNodeNames(Class<?> type) {
        String g = group(type);
        String cap = Character.toUpperCase(g.charAt(0)) + g.substring(1);
        return List.of(cap + "V1" + type.getSimpleName(), "V1" + type.getSimpleName());
    }

    static Doc clientNode(Class<?> type, String field) {
        for (String name : clientNodeNames(type)) {
            Doc d = CLIENT_NODE.get(name + "." + field);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static Doc types130(Class<?> type, String field) {
        for (String g : List.of(group(type), "meta", "core")) {
            Doc d = TYPES_130.get(g + "/" + type.getSimpleName() + "." + field);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String typeDoc(Class<?> type) {
        for (String name : clientNodeNames(type)) {
            if (TYPE_DOCS_CLIENT_NODE.containsKey(name)) {
                return TYPE_DOCS_CLIENT_NODE.get(name);
            }
        }
        for (String g : List.of(group(type), "meta", "core")) {
            if (TYPE_DOCS_130.containsKey(g + "/" + type.getSimpleName())) {
                return TYPE_DOCS_130.get(g + "/" + type.getSimpleName());
            }
        }
        return null;
    }

    static String id(Class<?> type) {
        return group(type) + "." + type.getSimpleName();
    }

    static String guess(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return "[]" + guess(p.getActualTypeArguments()[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "map[string]" + guess(p.getActualTypeArguments()[1]);
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c.getSimpleName().equals("MicroTime") || c == java.time.ZonedDateTime.class) {
            return "string";
        }
        if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
            return "integer";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (c == Double.class || c == Float.class) {
            return "number";
        }
        if (c == Object.class || c.getName().startsWith("com.fasterxml")) {
            return "Object";
        }
        return c.getSimpleName();
    }

    static Class<?> modelClass(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return modelClass(args[args.length - 1]);
        }
        Class<?> c = (Class<?>) type;
        return c.getName().startsWith("io.fabric8.kubernetes.api.model") && !OPAQUE.contains(c.getSimpleName())
                && !c.getSimpleName().equals("MicroTime") ? c : null;
    }
}
