package org.laymanlabs.sandbox.kube.kubectl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * kubectl explain (pkg/cmd/explain) as kubectl 1.32 renders it from the server's OpenAPI v3 with
 * its plaintext template (pkg/explain/v2/templates/plaintext.tmpl): KIND and VERSION, then the
 * description of the kind or of the field the path names, then its fields, each with its type,
 * {@code -required-} and its description, word-wrapped as go-wordwrap wraps them.
 */
final class ExplainCommand implements Subcommand {

    private static final String PLAINTEXT = "plaintext";
    private static final String PLAINTEXT_V2 = "plaintext-openapiv2";

    /** The schema is read on the first explain, not when a sandbox's kubectl is built. */
    private final Schema schema;

    /** Where the schema comes from (ExplainSchema::shared): serializable, as kubectl is part of a sandbox's checkpoint. */
    @FunctionalInterface
    interface Schema extends java.util.function.Supplier<ExplainSchema>, java.io.Serializable {
    }

    ExplainCommand(Schema schema) {
        this.schema = schema;
    }

    @Override
    public String path() {
        return "kubectl explain";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.bool("recursive", '\0'), Flag.string("api-version"), Flag.string("output", 'o', PLAINTEXT));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.error("You must specify the type of resource to explain. Use \"kubectl api-resources\" "
                    + "for a complete list of supported resources.");
        }
        if (args.args().size() > 1) {
            throw KubectlException.error("We accept only this format: explain RESOURCE");
        }
        // The schema is the server's /openapi/v3, so without a server explain fails like any other command.
        session.api();
        // SplitAndParseResourceRequest: the first dotted part is the resource, the rest a field path.
        List<String> parts = List.of(args.args().get(0).split("\\.", -1));
        // kubectl explain prints the RESTMapper's error as it is, without the "error: " of other verbs.
        ResourceType type = org.laymanlabs.sandbox.kube.api.ApiResources.find(parts.get(0)).orElseThrow(() ->
                KubectlException.verbatim("the server doesn't have a resource type \"" + parts.get(0) + "\"\n"));
        List<String> path = parts.subList(1, parts.size());
        String output = args.string("output");
        if (output.equals(PLAINTEXT_V2)) {
            throw KubectlException.error("the sandbox's API server publishes OpenAPI v3 only; use --output=plaintext");
        }
        if (!output.equals(PLAINTEXT)) {
            throw KubectlException.error("unrecognized format: " + output);
        }
        if (args.changed("api-version") && !args.string("api-version").equals(type.apiVersion())) {
            String[] gv = groupVersion(args.string("api-version"));
            throw KubectlException.error("GVR (" + gv[0] + "/" + gv[1] + ", Resource=" + type.plural()
                    + ") not found in OpenAPI schema");
        }
        // The template writes as it goes: a field path that leads nowhere fails after the header.
        session.out(header(type));
        session.out(body(type, path, args.bool("recursive")));
    }

    /** schema.ParseGroupVersion: "v1" is the core group, "apps/v1" a named one. */
    private static String[] groupVersion(String text) {
        String[] parts = text.split("/", -1);
        return switch (parts.length) {
            case 1 -> new String[] {"", parts[0]};
            case 2 -> parts;
            default -> throw KubectlException.error("unexpected GroupVersion string: " + text);
        };
    }

    private static String header(ResourceType type) {
        StringBuilder out = new StringBuilder();
        if (!type.group().isEmpty()) {
            out.append("GROUP:      ").append(type.group()).append('\n');
        }
        out.append("KIND:       ").append(type.kind()).append('\n');
        return out.append("VERSION:    ").append(type.version()).append("\n\n").toString();
    }

    private String body(ResourceType type, List<String> path, boolean recursive) {
        StringBuilder out = new StringBuilder();
        ExplainSchema.Definition current = schema.get().kind(type);
        if (path.isEmpty()) {
            out.append(describe(withBreak(current.description()), current, recursive));
        }
        for (int i = 0; i < path.size(); i++) {
            ExplainSchema.Property field = current.property(path.get(i)).orElse(null);
            if (field == null || (i < path.size() - 1 && field.ref() == null)) {
                // The template only learns that the walk failed at its end, so it names the last part.
                throw KubectlException.error("field \"" + path.get(path.size() - 1) + "\" does not exist");
            }
            ExplainSchema.Definition target = field.ref() == null ? null : schema.get().definition(field.ref());
            if (i == path.size() - 1) {
                out.append("FIELD: ").append(field.name()).append(" <").append(field.type()).append(">\n\n\n");
                String description = withBreak(field.description()) + (target == null ? "" : withBreak(target.description()));
                out.append(describe(description, target, recursive));
            }
            current = target;
        }
        return out.append('\n').toString();
    }

    /** The template's "description": each description it finds, followed by a line break. */
    private static String withBreak(String description) {
        return description.isEmpty() ? "" : description + "\n";
    }

    private String describe(String description, ExplainSchema.Definition fields, boolean recursive) {
        StringBuilder out = new StringBuilder("DESCRIPTION:\n");
        out.append(WordWrap.indent(WordWrap.wrap(description.isEmpty() ? "<empty>" : description, 76), 4)).append('\n');
        String list = fields == null ? "" : fieldList(fields, 1, recursive, new HashSet<>());
        if (!list.isEmpty()) {
            out.append("FIELDS:\n").append(list);
        }
        return out.toString();
    }

    private String fieldList(ExplainSchema.Definition definition, int level, boolean recursive, Set<String> ancestors) {
        StringBuilder out = new StringBuilder();
        for (ExplainSchema.Property field : definition.properties()) {
            int pad = level * 2;
            out.append(" ".repeat(pad)).append(field.name()).append("\t<").append(field.type()).append('>');
            out.append(field.required() ? " -required-\n" : "\n");
            if (!recursive) {
                String text = field.description().isEmpty() ? "<no description>" : field.description();
                out.append(WordWrap.indent(WordWrap.wrap(text, 78 - pad), pad + 2)).append("\n\n");
            } else if (field.ref() != null && !ancestors.contains(field.ref())) {
                // A type met again below itself is where the template stops (its ref history).
                Set<String> path = new HashSet<>(ancestors);
                path.add(field.ref());
                out.append(fieldList(schema.get().definition(field.ref()), level + 1, true, path));
            }
        }
        return out.toString();
    }
}
