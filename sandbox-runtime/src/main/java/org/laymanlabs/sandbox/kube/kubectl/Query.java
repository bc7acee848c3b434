package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * The reads a command makes: in which namespace ({@code -n}, the context's, or all with
 * {@code -A}), filtered by {@code -l} and {@code --field-selector} as the API server filters a
 * list. A selector the server cannot use fails as cli-runtime reports it ("Unable to find ...").
 */
final class Query {

    private final Session session;
    private final String namespace;
    private final boolean allNamespaces;
    private final String labelText;
    private final String fieldText;

    private Query(Session session, String namespace, boolean allNamespaces, String labelText, String fieldText) {
        this.session = session;
        this.namespace = namespace;
        this.allNamespaces = allNamespaces;
        this.labelText = labelText;
        this.fieldText = fieldText;
    }

    static Query from(FlagSet.Parsed args, Session session) {
        boolean all = args.values().containsKey("all-namespaces") && args.bool("all-namespaces");
        String labels = args.values().containsKey("selector") ? args.string("selector") : "";
        String fields = args.values().containsKey("field-selector") ? args.string("field-selector") : "";
        return new Query(session, session.namespace(args), all, labels, fields);
    }

    String namespace() {
        return namespace;
    }

    String namespaceOf(ResourceType type) {
        return type.namespaced() ? namespace : "";
    }

    List<HasMetadata> list(ResourceType type) {
        LabelQuery labels;
        FieldQuery fields;
        try {
            labels = LabelQuery.parse(labelText);
            fields = FieldQuery.parse(fieldText);
        } catch (IllegalArgumentException e) {
            throw badRequest(type, e.getMessage());
        }
        fields.unsupported(type).ifPresent(problem -> {
            throw badRequest(type, problem);
        });
        String ns = type.namespaced() && !allNamespaces ? namespace : "";
        return session.api().list(type, ns).stream()
                .filter(o -> labels.matches(o.getMetadata().getLabels()))
                .filter(fields::matches)
                .toList();
    }

    /** Whether a watched object belongs in this query: its namespace, name, labels and fields. */
    java.util.function.Predicate<HasMetadata> matcher(ResourceType type, String name) {
        LabelQuery labels = LabelQuery.parse(labelText);
        FieldQuery fields = FieldQuery.parse(fieldText);
        return o -> (name == null || name.equals(o.getMetadata().getName()))
                && labels.matches(o.getMetadata().getLabels()) && fields.matches(o);
    }

    boolean allNamespaces() {
        return allNamespaces;
    }

    Optional<HasMetadata> get(ResourceType type, String name) {
        return session.api().get(type, namespaceOf(type), name);
    }

    private KubectlException badRequest(ResourceType type, String problem) {
        return KubectlException.verbatim("Error from server (BadRequest): Unable to find \"" + type.group() + "/" + type.version()
                + ", Resource=" + type.plural() + "\" that match label selector \"" + labelText + "\", field selector \""
                + fieldText + "\": " + problem + "\n");
    }
}
