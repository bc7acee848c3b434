package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How apimachinery prints selectors and labels: labels.FormatLabels ({@code app=web,tier=front},
 * sorted by key) and metav1.LabelSelectorAsSelector(...).String() ({@code app in (a,b),!legacy}).
 */
final class SelectorText {

    private SelectorText() {
    }

    /** labels.FormatLabels: {@code <none>} for no labels. */
    static String labels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "<none>";
        }
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** selector.String(): "" for an empty selector, requirements sorted by key. */
    static String selector(LabelSelector selector) {
        if (selector == null) {
            return "";
        }
        List<String[]> requirements = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> requirements.add(new String[] {k, k + "=" + v}));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                requirements.add(new String[] {r.getKey(), requirement(r)});
            }
        }
        requirements.sort((a, b) -> a[0].compareTo(b[0]));
        return requirements.stream().map(r -> r[1]).collect(Collectors.joining(","));
    }

    /** metav1.FormatLabelSelector: {@code <none>} when empty. */
    static String formatSelector(LabelSelector selector) {
        String text = selector(selector);
        return text.isEmpty() ? "<none>" : text;
    }

    private static String requirement(LabelSelectorRequirement r) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues().stream().sorted().toList();
        return switch (r.getOperator()) {
            case "In" -> r.getKey() + " in (" + String.join(",", values) + ")";
            case "NotIn" -> r.getKey() + " notin (" + String.join(",", values) + ")";
            case "Exists" -> r.getKey();
            case "DoesNotExist" -> "!" + r.getKey();
            default -> r.getKey() + " " + r.getOperator();
        };
    }
}
