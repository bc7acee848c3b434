package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mirrors pkg/apis/apps/validation for Deployments, ReplicaSets and DaemonSets: a selector that
 * must exist and match the template's labels, non-negative replicas, and an immutable selector.
 */
final class WorkloadValidation {

    private WorkloadValidation() {
    }

    static List<FieldError> spec(String kind, Integer replicas, LabelSelector selector, PodTemplateSpec template) {
        List<FieldError> errors = new ArrayList<>();
        if (replicas != null && replicas < 0) {
            errors.add(FieldError.invalid("spec.replicas", replicas, "must be greater than or equal to 0"));
        }
        Map<String, String> labels = template == null || template.getMetadata() == null ? null : template.getMetadata().getLabels();
        if (selector == null) {
            errors.add(FieldError.required("spec.selector", ""));
        } else if (isEmpty(selector)) {
            errors.add(FieldError.invalid("spec.selector", goSelector(selector), "empty selector is invalid for " + kind));
        } else if (!LabelSelectors.matches(selector, labels == null ? Map.of() : labels)) {
            errors.add(FieldError.invalid("spec.template.metadata.labels", labels == null ? Map.of() : labels,
                    "`selector` does not match template `labels`"));
        }
        errors.addAll(NameValidation.labels(labels, "spec.template.metadata.labels"));
        errors.addAll(PodValidation.spec(template == null ? null : template.getSpec(), "spec.template.spec"));
        String restart = template == null || template.getSpec() == null ? null : template.getSpec().getRestartPolicy();
        if (restart != null && !restart.equals("Always")) {
            errors.add(FieldError.notSupported("spec.template.spec.restartPolicy", restart, List.of("Always")));
        }
        return errors;
    }

    static List<FieldError> selectorUnchanged(LabelSelector now, LabelSelector before) {
        if (before != null && !Objects.equals(now, before)) {
            return List.of(FieldError.invalid("spec.selector", goSelector(now), "field is immutable"));
        }
        return List.of();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** How field.Error prints a selector: Go's %#v of v1.LabelSelector. */
    private static GoLiteral goSelector(LabelSelector selector) {
        Map<String, String> labels = selector == null ? null : selector.getMatchLabels();
        String matchLabels = labels == null || labels.isEmpty() ? "map[string]string(nil)" : FieldError.GoValue.format(labels);
        return new GoLiteral("v1.LabelSelector{MatchLabels:" + matchLabels
                + ", MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
    }

    /** A value already in Go syntax. */
    record GoLiteral(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
