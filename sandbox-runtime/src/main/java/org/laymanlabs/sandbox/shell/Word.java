package org.laymanlabs.sandbox.shell;

import java.util.List;
import java.util.function.UnaryOperator;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * One shell word before expansion: unquoted text, quoted text, and parameter references
 * ({@code $NAME}, {@code ${NAME}}, {@code $?}). Expansion waits until the command runs, as in
 * bash, so that {@code false; echo $?} sees the status of {@code false}; then an unquoted
 * {@code *}, {@code ?} or {@code [} makes the word a pattern that {@link Pathnames} expands.
 */
record Word(List<Part> parts) {

    sealed interface Part { }

    /** Text typed without quotes: glob characters in it are special. */
    record Literal(String text) implements Part { }

    /** Text in quotes or after a backslash: taken as it is. */
    record Quoted(String text) implements Part { }

    /** @param quoted inside double quotes, so its value is not a pattern */
    record Parameter(String name, boolean quoted) implements Part { }

    Word {
        parts = List.copyOf(parts);
    }

    static Word literal(String text) {
        return new Word(List.of(new Literal(text)));
    }

    /** The word with parameters replaced by their values (unset ones by nothing), quotes removed. */
    String expand(UnaryOperator<String> parameters) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Quoted quoted) {
                text.append(quoted.text());
            } else {
                String value = parameters.apply(((Parameter) part).name());
                text.append(value == null ? "" : value);
            }
        }
        return text.toString();
    }

    /**
     * The words this one becomes: itself expanded, or, if it is a pattern, the sorted paths it
     * matches in {@code files} (bash's pathname expansion); a pattern that matches nothing stays
     * as it is.
     */
    List<String> fields(UnaryOperator<String> parameters, FileSystem files, String cwd) {
        String text = expand(parameters);
        StringBuilder pattern = new StringBuilder();
        boolean glob = false;
        for (Part part : parts) {
            String piece;
            boolean active;
            if (part instanceof Literal literal) {
                piece = literal.text();
                active = true;
            } else if (part instanceof Quoted quoted) {
                piece = quoted.text();
                active = false;
            } else {
                Parameter parameter = (Parameter) part;
                String value = parameters.apply(parameter.name());
                piece = value == null ? "" : value;
                active = !parameter.quoted();
            }
            for (char c : piece.toCharArray()) {
                if ("*?[]\\".indexOf(c) >= 0 && !active) {
                    pattern.append('\\');
                }
                glob |= active && (c == '*' || c == '?' || c == '[');
                pattern.append(c);
            }
        }
        if (!glob) {
            return List.of(text);
        }
        List<String> matches = Pathnames.expand(pattern.toString(), files, cwd);
        return matches.isEmpty() ? List.of(text) : matches;
    }

    /** The literal prefix before any expansion: how an assignment {@code NAME=…} is recognised. */
    String literalPrefix() {
        return parts.isEmpty() || !(parts.get(0) instanceof Literal literal) ? "" : literal.text();
    }
}
