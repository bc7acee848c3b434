package org.laymanlabs.sandbox.kube.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mirrors k8s.io/apimachinery/pkg/util/validation: the DNS names and label syntax that object
 * names, label keys and label values must follow, with the exact messages a learner will meet.
 */
public final class NameValidation {

    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL_FMT + "(\\." + LABEL_FMT + ")*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private NameValidation() {
    }

    /** IsDNS1123Subdomain: names of pods, deployments, config maps… */
    public static List<String> dns1123Subdomain(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 253) {
            errors.add("must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errors.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
                    + LABEL_FMT + "(\\." + LABEL_FMT + ")*')");
        }
        return errors;
    }

    /** IsDNS1123Label: names of namespaces and containers. */
    public static List<String> dns1123Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add("must be no more than 63 characters");
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            errors.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                    + "start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '"
                    + LABEL_FMT + "')");
        }
        return errors;
    }

    /** IsDNS1035Label: names of services, which become DNS names. */
    public static List<String> dns1035Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add("must be no more than 63 characters");
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errors.add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                    + "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
                    + "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
        }
        return errors;
    }

    /** ValidateLabels: keys are qualified names, values at most 63 characters of a restricted set. */
    public static List<FieldError> labels(Map<String, String> labels, String field) {
        List<FieldError> errors = new ArrayList<>();
        if (labels == null) {
            return errors;
        }
        labels.forEach((key, value) -> {
            String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
            if (name.isEmpty() || name.length() > 63 || !QUALIFIED_NAME.matcher(name).matches()) {
                errors.add(FieldError.invalid(field, key, "name part must consist of alphanumeric characters, '-', '_' or '.', "
                        + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                        + "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"));
            }
            if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                errors.add(FieldError.invalid(field, value, "a valid label must be an empty string or consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "
                        + "or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
            }
        });
        return errors;
    }
}
