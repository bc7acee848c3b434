package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;

/**
 * One line typed at the terminal, as its caller sees it: what it printed, capped, and when the
 * prompt comes back. Usually the line is a whole {@link Job}. While a job waits on an
 * {@link InteractiveShell}, each further line is that shell's input: its turn ends when the line
 * has run in the shell and the shell shows its prompt again, or, after {@code exit}, when the rest
 * of the job that started the shell has run.
 */
final class Turn implements RunningCommand {

    private final Job job;
    private final CommandResult.Builder transcript = CommandResult.builder();
    private final OutputSink sink;
    /** The line as the interactive shell runs it; null when the line began the job. */
    private RunningCommand input;
    /** Set while the shell reads the line, before {@link #input} exists: the line runs meanwhile. */
    private boolean reading;
    private boolean finished;
    /** The line's status, fixed when it finished. */
    private int status;

    /**
     * @param pending what the terminal showed since the last line (a session ended by its
     *                container's stop), shown first
     */
    Turn(Job job, OutputSink out, int outputLimit, CommandResult pending) {
        this.job = job;
        this.sink = new CappedOutput((stream, text) -> {
            if (!text.isEmpty()) {
                transcript.write(stream, text);
                out.write(stream, text);
            }
        }, outputLimit);
        // A line for a waiting shell is not finished before that shell has even read it.
        this.reading = job.reader() != null;
        pending.writeTo(sink);
        job.typedInto(this);
    }

    /** Gives the line to the shell the job waits on. */
    Turn readBy(InteractiveShell shell, String line) {
        reading = true;
        try {
            this.input = shell.read(line);
        } finally {
            reading = false;
        }
        return this;
    }

    OutputSink sink() {
        return sink;
    }

    /**
     * Once the prompt has come back the line stays finished, whatever the job does next: a
     * container stopped between lines ends the session, and the rest of its line may then go on
     * following something, which the next line cuts off; it must not make this line running again.
     */
    @Override
    public boolean isFinished() {
        if (finished) {
            return true;
        }
        if (reading && input == null) {
            return false;
        }
        finished = (input == null || input.isFinished()) && (job.isFinished() || job.reader() != null);
        if (finished) {
            status = job.isFinished() ? job.status() : input == null ? 0 : input.result().exitCode();
        }
        return finished;
    }

    /** The job's status once it has ended; while a shell reads the terminal, that shell's {@code $?}. */
    @Override
    public CommandResult result() {
        if (!isFinished()) {
            throw new IllegalStateException("the line is still running");
        }
        return transcript.build(status);
    }

    @Override
    public void interrupt() {
        if (isFinished()) {
            return;
        }
        if (input != null && !input.isFinished()) {
            input.interrupt();
        } else {
            job.interrupt();
        }
    }

    @Override
    public void detach() {
        if (input != null) {
            input.detach();
        }
        job.detach();
    }
}
