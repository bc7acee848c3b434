package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors k8s.io/apimachinery/pkg/labels: the selector a learner types after {@code -l}, with
 * equality ({@code app=web}, {@code app==web}, {@code app!=web}) and set-based requirements
 * ({@code env in (prod,qa)}, {@code tier notin (db)}, {@code app}, {@code !legacy}), all of which
 * must hold.
 */
record LabelQuery(List<Requirement> requirements) {

    /** One requirement; {@code values} is empty for Exists and DoesNotExist. */
    record Requirement(String key, String operator, List<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "=", "==", "in" -> value != null && values.contains(value);
                case "!=", "notin" -> value == null || !values.contains(value);
                case "exists" -> labels.containsKey(key);
                default -> !labels.containsKey(key);
            };
        }
    }

    static final LabelQuery EVERYTHING = new LabelQuery(List.of());

    boolean matches(Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(have));
    }

    /** labels.Parse; a selector it cannot read is an IllegalArgumentException with the parser's words. */
    static LabelQuery parse(String text) {
        List<Requirement> requirements = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            int end = requirementEnd(rest);
            requirements.add(requirement(rest.substring(0, end).strip()));
            if (end < rest.length() && rest.substring(end + 1).isBlank()) {
                throw new IllegalArgumentException("found '', expected: identifier");
            }
            rest = end < rest.length() ? rest.substring(end + 1).strip() : "";
        }
        return new LabelQuery(List.copyOf(requirements));
    }

    /** The comma that ends a requirement, skipping commas inside an {@code in (...)} list. */
    private static int requirementEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static Requirement requirement(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("found '', expected: identifier");
        }
        if (text.startsWith("!")) {
            return new Requirement(key(text.substring(1).strip()), "!", List.of());
        }
        var set = java.util.regex.Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(text);
        if (set.matches()) {
            List<String> values = new ArrayList<>();
            for (String v : set.group(3).split(",", -1)) {
                values.add(value(set.group(1), v.strip()));
            }
            return new Requirement(key(set.group(1)), set.group(2), List.copyOf(values));
        }
        if (text.matches("^\\S+\\s+(in|notin)\\s*\\(.*")) {
            throw new IllegalArgumentException("found '', expected: ',' or ')'");
        }
        for (String op : List.of("!=", "==", "=")) {
            int at = text.indexOf(op);
            if (at > 0) {
                return new Requirement(key(text.substring(0, at).strip()), op, List.of(value(text.substring(0, at).strip(), text.substring(at + op.length()).strip())));
            }
        }
        return new Requirement(key(text), "exists", List.of());
    }

    private static String key(String key) {
        if (!key.matches("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label key \"" + key
                    + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                    + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        }
        return key;
    }

    private static String value(String key, String value) {
        if (!value.isEmpty() && !value.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("unable to parse requirement: values[0][" + key + "]: Invalid value: \"" + value
                    + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                    + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        }
        return value;
    }
}
