package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;

/** A program the learner can type at the sandbox prompt, such as {@code help} or (later) {@code docker}. */
public interface Command {

    /** The word that runs it. */
    String name();

    /** Its synopsis, as the first line of {@code --help} shows it, e.g. {@code exit [n]}. */
    String usage();

    /** One sentence for {@code help}'s list. */
    String summary();

    CommandResult run(Invocation invocation);
}
