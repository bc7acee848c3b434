package org.laymanlabs.sandbox.kube.kubectl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * kubectl 1.32.5's own {@code --help} texts (captured from the real binary into resources), and
 * cobra's "Did you mean this?" suggestions for a mistyped command.
 */
final class Help {

    /** kubectl's top-level commands in the order it registers them, which is cobra's suggestion order. */
    static final List<String> COMMANDS = List.of("create", "expose", "run", "set", "explain", "get", "edit", "delete",
            "rollout", "scale", "autoscale", "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint",
            "describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply",
            "patch", "replace", "wait", "kustomize", "label", "annotate", "completion", "api-resources", "api-versions",
            "config", "plugin", "version", "options");

    private Help() {
    }

    /** The help text of a command path such as "kubectl create deployment", if captured. */
    static String text(String path) {
        String file = path.equals("kubectl") ? "kubectl" : path.substring("kubectl ".length()).replace(' ', '-');
        try (InputStream in = Help.class.getResourceAsStream("help/" + file + ".txt")) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** cobra's unknown-command error with its suggestions (Levenshtein distance up to 2, or a prefix). */
    static String unknownCommand(String typed) {
        StringBuilder out = new StringBuilder("error: unknown command \"" + typed + "\" for \"kubectl\"\n");
        List<String> suggestions = COMMANDS.stream().filter(c -> distance(typed.toLowerCase(Locale.ROOT), c) <= 2
                || c.startsWith(typed.toLowerCase(Locale.ROOT))).toList();
        if (!suggestions.isEmpty()) {
            out.append("\nDid you mean this?\n");
            suggestions.forEach(s -> out.append('\t').append(s).append('\n'));
        }
        return out.toString();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
