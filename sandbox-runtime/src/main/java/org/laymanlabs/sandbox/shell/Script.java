package org.laymanlabs.sandbox.shell;

import java.util.List;

/**
 * A parsed line, in bash's grammar: lists separated by {@code ;}, each an and-or chain of
 * pipelines, each pipeline one or more simple commands with their redirections.
 */
record Script(List<AndOr> lists) {

    record AndOr(Pipeline first, List<Link> rest) { }

    /** {@code && pipeline} or {@code || pipeline}. */
    record Link(boolean runOnSuccess, Pipeline pipeline) { }

    record Pipeline(List<SimpleCommand> commands) { }

    /** Words (assignments first, then the command and its arguments) and redirections, in order. */
    record SimpleCommand(List<Word> words, List<Redirect> redirects) { }

    /** {@code > file}, {@code >> file}, {@code < file}, {@code 2> file}, {@code 2>> file}, {@code &> file}, {@code 2>&1} or {@code >&2}. */
    record Redirect(String operator, Word target) { }
}
