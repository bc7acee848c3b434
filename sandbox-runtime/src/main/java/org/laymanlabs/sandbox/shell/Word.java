package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * One shell word before expansion: unquoted text, quoted text, parameter references
 * ({@code $NAME}, {@code ${NAME}}, {@code $?}) and command substitutions ({@code $(...)}).
 * Expansion waits until the command runs, as in bash, so that {@code false; echo $?} sees the
 * status of {@code false}. Then, as bash(1) orders it under EXPANSION, the results of unquoted
 * expansions are split into fields at blanks and newlines, and an unquoted {@code *}, {@code ?}
 * or {@code [} makes a field a pattern that {@link Pathnames} expands.
 */
record Word(List<Part> parts) {

    sealed interface Part { }

    /** Text typed without quotes: glob characters in it are special. */
    record Literal(String text) implements Part { }

    /** Text in quotes or after a backslash: taken as it is. */
    record Quoted(String text) implements Part { }

    /** @param quoted inside double quotes, so its value is neither split nor a pattern */
    record Parameter(String name, boolean quoted) implements Part { }

    /** {@code $(script)} or {@code `script`}: replaced by what the script prints. */
    record Substitution(String script, boolean quoted) implements Part { }

    /** What expansion asks of the shell. */
    interface Expander {

        /** A parameter's value, null if unset. */
        String parameter(String name);

        /** Runs a command substitution's script and returns its output, trailing newlines removed. */
        String substitute(String script);
    }

    Word {
        parts = List.copyOf(parts);
    }

    static Word literal(String text) {
        return new Word(List.of(new Literal(text)));
    }

    /**
     * The word as one string, with its expansions replaced by their values (unset ones by nothing)
     * and quotes removed, and no splitting: how bash expands an assignment's value or a redirection's target.
     */
    String expand(Expander expander) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else if (part instanceof Quoted quoted) {
                text.append(quoted.text());
            } else if (part instanceof Parameter parameter) {
                text.append(valueOf(parameter, expander));
            } else {
                text.append(expander.substitute(((Substitution) part).script()));
            }
        }
        return text.toString();
    }

    /**
     * The words this one becomes: the fields of its expansion, each one either itself or, if it is
     * a pattern, the sorted paths it matches in {@code files} (a pattern that matches nothing stays
     * as it is). An unquoted expansion that is empty gives no field, as {@code echo $UNSET a} shows.
     */
    List<String> fields(Expander expander, FileSystem files, String cwd) {
        List<Field> fields = new ArrayList<>();
        Field current = null;
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                current = append(current, literal.text(), true);
            } else if (part instanceof Quoted quoted) {
                current = append(current, quoted.text(), false);
            } else if (part instanceof Parameter parameter) {
                current = expansion(fields, current, valueOf(parameter, expander), parameter.quoted());
            } else {
                Substitution substitution = (Substitution) part;
                current = expansion(fields, current, expander.substitute(substitution.script()), substitution.quoted());
            }
        }
        if (current != null) {
            fields.add(current);
        }
        List<String> words = new ArrayList<>();
        for (Field field : fields) {
            List<String> matches = field.glob ? Pathnames.expand(field.pattern.toString(), files, cwd) : List.of();
            words.addAll(matches.isEmpty() ? List.of(field.text.toString()) : matches);
        }
        return words;
    }

    private static String valueOf(Parameter parameter, Expander expander) {
        String value = expander.parameter(parameter.name());
        return value == null ? "" : value;
    }

    /** A quoted expansion joins the field whole; an unquoted one is split at IFS whitespace. */
    private static Field expansion(List<Field> fields, Field current, String value, boolean quoted) {
        if (quoted) {
            return append(current, value, false);
        }
        for (char c : value.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '\n') {
                if (current != null) {
                    fields.add(current);
                }
                current = null;
            } else {
                current = append(current, String.valueOf(c), true);
            }
        }
        return current;
    }

    private static Field append(Field field, String piece, boolean active) {
        Field into = field == null ? new Field() : field;
        for (char c : piece.toCharArray()) {
            if ("*?[]\\".indexOf(c) >= 0 && !active) {
                into.pattern.append('\\');
            }
            into.glob |= active && (c == '*' || c == '?' || c == '[');
            into.pattern.append(c);
            into.text.append(c);
        }
        return into;
    }

    /** One field being built: its text, and the same text as a pattern with quoted glob characters escaped. */
    private static final class Field {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder pattern = new StringBuilder();
        private boolean glob;
    }

    /** The literal prefix before any expansion: how an assignment {@code NAME=…} is recognised. */
    String literalPrefix() {
        return parts.isEmpty() || !(parts.get(0) instanceof Literal literal) ? "" : literal.text();
    }
}
