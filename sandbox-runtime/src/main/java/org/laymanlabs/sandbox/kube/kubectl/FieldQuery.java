package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors k8s.io/apimachinery/pkg/fields and each kind's GetAttrs/field label conversion in
 * kube-apiserver: {@code --field-selector} terms ({@code f=v}, {@code f==v}, {@code f!=v}) over the
 * few fields a kind supports; any other field is the server's "field label not supported".
 */
record FieldQuery(String text, List<Term> terms) {

    record Term(String field, boolean equal, String value) {
    }

    private static final Set<String> EVERY_KIND = Set.of("metadata.name", "metadata.namespace");
    private static final Map<ResourceType, Set<String>> FIELDS = Map.of(
            ApiResources.PODS, Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
            ApiResources.NODES, Set.of("spec.unschedulable"),
            ApiResources.NAMESPACES, Set.of("status.phase"),
            ApiResources.SECRETS, Set.of("type"),
            ApiResources.EVENTS, Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            ApiResources.REPLICA_SETS, Set.of("status.replicas"),
            ApiResources.JOBS, Set.of("status.successful"));

    static final FieldQuery EVERYTHING = new FieldQuery("", List.of());

    /** fields.ParseSelector; an unreadable term is an IllegalArgumentException with its words. */
    static FieldQuery parse(String text) {
        List<Term> terms = new ArrayList<>();
        if (!text.isBlank()) {
            for (String part : text.split(",")) {
                terms.add(term(part, text));
            }
        }
        return new FieldQuery(text, List.copyOf(terms));
    }

    private static Term term(String part, String whole) {
        for (String op : List.of("!=", "==", "=")) {
            int at = part.indexOf(op);
            if (at >= 0) {
                return new Term(part.substring(0, at), !op.equals("!="), part.substring(at + op.length()));
            }
        }
        throw new IllegalArgumentException("invalid selector: '" + whole + "'; can't understand '" + part + "'");
    }

    /** The first field the kind does not support, in the server's words, if any. */
    java.util.Optional<String> unsupported(ResourceType type) {
        return terms.stream().map(Term::field)
                .filter(f -> !EVERY_KIND.contains(f) && !FIELDS.getOrDefault(type, Set.of()).contains(f)).findFirst()
                .map(f -> "field label not supported: " + f);
    }

    boolean matches(HasMetadata object) {
        if (terms.isEmpty()) {
            return true;
        }
        JsonNode tree = Codec.shared().toTree(object);
        for (Term term : terms) {
            String value = value(tree, term.field());
            if (term.equal() != value.equals(term.value())) {
                return false;
            }
        }
        return true;
    }

    private static String value(JsonNode tree, String field) {
        if (field.equals("source")) {
            return tree.path("source").path("component").asText("");
        }
        JsonNode node = tree;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        if (field.equals("spec.unschedulable") || field.equals("spec.hostNetwork")) {
            return Boolean.toString(node.asBoolean(false));
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }
}
