package org.laymanlabs.sandbox.image.build;

import java.util.List;

/**
 * One instruction as the line parser found it, before it is typed. Mirrors buildkit
 * frontend/dockerfile/parser's Node: the keyword, the leading {@code --flags}, the rest of the
 * line, and the original text with line continuations joined.
 *
 * @param startLine the line the instruction starts on, from 1
 * @param keyword   lower case, e.g. {@code run}
 * @param flags     e.g. {@code --from=build}
 * @param rest      what follows the keyword and flags
 * @param original  the instruction as written, continuations joined, trimmed: what "Step N/M" shows
 */
record Node(int startLine, String keyword, List<String> flags, String rest, String original) {

    Node {
        flags = List.copyOf(flags);
    }
}
