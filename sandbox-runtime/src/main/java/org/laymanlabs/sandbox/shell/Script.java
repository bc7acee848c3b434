package org.laymanlabs.sandbox.shell;

import java.util.List;

/**
 * A parsed line, in bash's grammar: lists separated by {@code ;}, each an and-or chain of
 * pipelines, each pipeline one or more simple commands.
 */
record Script(List<AndOr> lists) {

    record AndOr(Pipeline first, List<Link> rest) { }

    /** {@code && pipeline} or {@code || pipeline}. */
    record Link(boolean runOnSuccess, Pipeline pipeline) { }

    record Pipeline(List<SimpleCommand> commands) { }

    record SimpleCommand(List<String> words) {

        String name() {
            return words.get(0);
        }

        List<String> args() {
            return words.subList(1, words.size());
        }
    }
}
