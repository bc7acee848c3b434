package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * The {@code labelSelector} and {@code fieldSelector} of a list or watch, as kube-apiserver reads
 * them (apimachinery labels.Parse and fields.ParseSelector, with each kind's supported field
 * labels), for an HTTP API; the sandbox's kubectl filters with the same parsers.
 */
public final class ListSelectors {

    private ListSelectors() {
    }

    /**
     * The objects both selectors select; a selector the server cannot read, or a field label the
     * kind does not support, is an IllegalArgumentException in the server's words.
     */
    public static Predicate<HasMetadata> parse(ResourceType type, String labelSelector, String fieldSelector) {
        LabelQuery labels = LabelQuery.parse(labelSelector);
        FieldQuery fields = FieldQuery.parse(fieldSelector);
        fields.unsupported(type).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return object -> labels.matches(object.getMetadata().getLabels()) && fields.matches(object);
    }
}
