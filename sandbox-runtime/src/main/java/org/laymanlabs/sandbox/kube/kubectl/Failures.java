package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors a multi-object command (apply, create -f, delete -f) collects while it carries on
 * with the other objects, printed as cmdutil.CheckErr prints an aggregate: one error as usual
 * ({@code error: ...}), several one per line without the {@code error: } prefix.
 */
final class Failures {

    /** How one error prints alone, and how it prints among others. */
    private record Entry(String alone, String listed) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A client-side error, such as a resource mapping that was not found. */
    void client(String message) {
        entries.add(new Entry("error: " + message + "\n", message + "\n"));
    }

    /** An error from the server, already in kubectl's words with its trailing newline. */
    void server(String text) {
        entries.add(new Entry(text, text));
    }

    /** The builder's own errors (reading and decoding files), which kubectl aggregates into one. */
    void reading(List<String> errors) {
        if (errors.size() == 1) {
            client(errors.get(0));
        } else if (errors.size() > 1) {
            StringBuilder alone = new StringBuilder();
            errors.forEach(e -> alone.append(e).append('\n'));
            entries.add(new Entry(alone.toString(), "[" + String.join(", ", errors) + "]\n"));
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    String printed() {
        if (entries.size() == 1) {
            return entries.get(0).alone();
        }
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(e.listed()));
        return out.toString();
    }

    /** Ends the command: nothing if all went well, otherwise the errors on stderr and status 1. */
    void report() {
        if (!entries.isEmpty()) {
            throw KubectlException.verbatim(printed());
        }
    }
}
