package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.Defaults;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.Validation;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl's cmdutil.CheckErr for errors from the server: {@code Error from server
 * (Reason): message}, except Invalid, which kubectl prints from the Status details as
 * {@code The Deployment "web" is invalid: <cause>} or one {@code * cause} per line.
 */
final class ServerErrors {

    private static final Pattern INVALID = Pattern.compile("^(\\S+?)(?:\\.[a-z0-9.-]+)? \"(.*?)\" is invalid: (.*)$", Pattern.DOTALL);

    private ServerErrors() {
    }

    /** The text kubectl prints for a refusal, ending with a newline. */
    static String print(ApiException e, HasMetadata attempted, HasMetadata existing) {
        if (e.reason() != ApiException.Reason.INVALID) {
            return KubectlCommand.serverError(e) + "\n";
        }
        Matcher m = INVALID.matcher(e.getMessage());
        if (!m.matches()) {
            return "The request is invalid: " + e.getMessage() + "\n";
        }
        String prefix = "The " + m.group(1) + " \"" + m.group(2) + "\" is invalid: ";
        List<String> causes = e.causes().isEmpty() ? causes(attempted, existing)
                : e.causes().stream().map(FieldError::toString).toList();
        if (causes.isEmpty()) {
            String rest = m.group(3);
            return prefix + (rest.startsWith("[") && rest.endsWith("]") ? rest.substring(1, rest.length() - 1) : rest) + "\n";
        }
        if (causes.size() == 1) {
            return prefix + causes.get(0) + "\n";
        }
        StringBuilder out = new StringBuilder(prefix).append('\n');
        causes.forEach(c -> out.append("* ").append(c).append('\n'));
        return out.toString();
    }

    /**
     * The causes recomputed with the same defaulting and validation, for an Invalid error that
     * came without them (one raised outside admission).
     */
    private static List<String> causes(HasMetadata attempted, HasMetadata existing) {
        if (attempted == null) {
            return List.of();
        }
        HasMetadata copy = Codec.shared().copy(attempted);
        if (existing == null) {
            Defaults.apply(copy);
        }
        List<String> causes = new ArrayList<>();
        for (FieldError error : Validation.validate(copy, existing)) {
            causes.add(error.toString());
        }
        return causes;
    }
}
