package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;

/** A program the learner can type at the sandbox prompt, such as {@code help} or {@code docker}. */
public interface Command {

    /** The word that runs it. */
    String name();

    /** Its synopsis, as the first line of {@code --help} shows it, e.g. {@code exit [n]}. */
    String usage();

    /** One sentence for {@code help}'s list. */
    String summary();

    /** Runs the command to its end at once, as every command but a following one does. */
    CommandResult run(Invocation invocation);

    /**
     * Starts the command, its output going to {@code out} as it is written. A command that
     * follows something ({@code docker logs -f}) overrides this and returns an unfinished
     * {@link Execution}; every other command runs to its end here.
     */
    default Execution start(Invocation invocation, OutputSink out) {
        CommandResult result = run(invocation);
        result.writeTo(out);
        return Execution.finished(result.exitCode());
    }

    /**
     * {@link #run} for a command that overrides {@link #start}: what it prints at once, cut off
     * there if it would go on following (the rule {@link org.laymanlabs.sandbox.Shell#run} states).
     */
    static CommandResult runToNow(Command command, Invocation invocation) {
        CommandResult.Builder out = CommandResult.builder();
        Execution execution = command.start(invocation, out);
        execution.detach();
        return out.build(execution.exitCode());
    }
}
