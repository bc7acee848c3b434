package org.laymanlabs.sandbox.shell;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One shell word before expansion: literal text and parameter references ({@code $NAME},
 * {@code ${NAME}}, {@code $?}). Expansion waits until the command runs, as in bash, so that
 * {@code false; echo $?} sees the status of {@code false}.
 */
record Word(List<Part> parts) {

    sealed interface Part { }

    record Literal(String text) implements Part { }

    record Parameter(String name) implements Part { }

    Word {
        parts = List.copyOf(parts);
    }

    static Word literal(String text) {
        return new Word(List.of(new Literal(text)));
    }

    /** The word with parameters replaced by their values (unset ones by nothing). */
    String expand(UnaryOperator<String> parameters) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                text.append(literal.text());
            } else {
                String value = parameters.apply(((Parameter) part).name());
                text.append(value == null ? "" : value);
            }
        }
        return text.toString();
    }

    /** The literal prefix before any expansion: how an assignment {@code NAME=…} is recognised. */
    String literalPrefix() {
        return parts.isEmpty() || !(parts.get(0) instanceof Literal literal) ? "" : literal.text();
    }
}
