package org.laymanlabs.backend.workspace;

import java.util.List;

/**
 * What Tab does, as bash's readline does it: the line with the last word completed as far as
 * all candidates agree, and, when they still differ, the candidates to list.
 *
 * @param line       the line after completion (unchanged when nothing matched)
 * @param candidates the words that still fit when more than one does; empty otherwise
 */
public record Completion(String line, List<String> candidates) {

    public Completion {
        candidates = List.copyOf(candidates);
    }
}
