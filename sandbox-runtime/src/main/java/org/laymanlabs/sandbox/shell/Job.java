package org.laymanlabs.sandbox.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;

/**
 * One line in the shell's foreground, run in bash's order: its lists one after another, each
 * and-or chain's pipelines as the previous status allows, each pipeline's stages in turn. When a
 * command has to wait on the clock (it follows something), the job stops there and goes on from
 * the same place when that command finishes, so no thread ever waits.
 *
 * <p>Pipe stages run one after another, each reading all its predecessor wrote: a stage after a
 * following command therefore sees that command's output when it ends (naturally or by Ctrl-C),
 * not line by line as a real pipe would show it. On Ctrl-C bash signals every stage; here the
 * stages after the interrupted one still read what it wrote, and the pipeline's status is 130,
 * as for a last stage killed by SIGINT, after which bash abandons the rest of the line.
 *
 * <p>A job may wait on an {@link InteractiveShell} ({@code docker exec -it web sh}) for many typed
 * lines: the shell hands each to it, and the job writes to the terminal of the line typed last
 * (its {@link Turn}), or, between lines, to what the shell shows before the next one.
 */
final class Job {

    private static final int INTERRUPTED = 130;

    private final CommandLineShell shell;
    private final ShellState state;
    /** The terminal: the {@link Turn} typed last while it runs, else what the shell keeps for the next one. */
    private final OutputSink terminal;
    private final Deque<Script.AndOr> lists;
    private Script.AndOr list;
    private int nextLink;
    private Stages pipeline;
    private boolean abandoned;
    private Integer status;
    private Turn turn;
    private Epilogue whenEnded = () -> { };

    Job(CommandLineShell shell, ShellState state, Script script, OutputSink unattended) {
        this.shell = shell;
        this.state = state;
        this.lists = new ArrayDeque<>(script.lists());
        this.terminal = new Terminal(this, unattended);
    }

    /**
     * The job's terminal. A named class, not a lambda: what the job runs (an interactive shell)
     * writes to it and the job holds what it runs, and a checkpoint restores such a cycle only
     * through an object made before its fields.
     */
    private static final class Terminal implements OutputSink {
        private final Job job;
        private final OutputSink unattended;

        private Terminal(Job job, OutputSink unattended) {
            this.job = job;
            this.unattended = unattended;
        }

        @Override
        public void write(OutputChunk.Stream stream, String text) {
            Turn turn = job.turn;
            (turn != null && !turn.isFinished() ? turn.sink() : unattended).write(stream, text);
        }
    }

    /** The line the learner typed last, whose terminal this job now writes to. */
    void typedInto(Turn typed) {
        this.turn = typed;
    }

    /** Runs once the whole line has ended: an interactive shell checks then whether it was exited. */
    /** What runs once the whole line has ended; serializable, as an open interactive shell's job is kept in a checkpoint. */
    @FunctionalInterface
    interface Epilogue extends Runnable, java.io.Serializable {
    }

    void whenEnded(Epilogue then) {
        this.whenEnded = then;
    }

    /** A line that was answered without running anything (a syntax error, an exited shell). */
    static RunningCommand answered(CommandResult result) {
        return new RunningCommand() {
            @Override
            public boolean isFinished() {
                return true;
            }

            @Override
            public CommandResult result() {
                return result;
            }

            @Override
            public void interrupt() {
            }

            @Override
            public void detach() {
            }
        };
    }

    /** Runs pipelines until one must wait or the line is done. */
    void proceed() {
        while (status == null) {
            if (pipeline != null) {
                if (!pipeline.step()) {
                    return;
                }
                abandoned |= pipeline.killedByInterrupt();
                state.lastExitCode = pipeline.status;
                pipeline = null;
            }
            Script.Pipeline next = nextPipeline();
            if (next == null) {
                status = state.lastExitCode;
                whenEnded.run();
            } else {
                pipeline = new Stages(next.commands());
            }
        }
    }

    /** The next pipeline bash would run, given $?; null at the end of the line, after exit, or after Ctrl-C killed a stage. */
    private Script.Pipeline nextPipeline() {
        if (state.exited || abandoned) {
            return null;
        }
        if (list != null) {
            while (nextLink < list.rest().size()) {
                Script.Link link = list.rest().get(nextLink++);
                if ((state.lastExitCode == 0) == link.runOnSuccess()) {
                    return link.pipeline();
                }
            }
        }
        list = lists.poll();
        nextLink = 0;
        return list == null ? null : list.first();
    }

    boolean isFinished() {
        return status != null;
    }

    /** The line's status, once it has ended. */
    int status() {
        if (status == null) {
            throw new IllegalStateException("the line is still running");
        }
        return status;
    }

    /** The interactive shell this line waits on, reading the terminal; null when it waits on nothing of the kind. */
    InteractiveShell reader() {
        return status == null && pipeline != null && pipeline.current instanceof InteractiveShell shell
                && !shell.isFinished() ? shell : null;
    }

    void interrupt() {
        if (status == null) {
            pipeline.interrupt();
        }
    }

    /** Cuts off everything still running, an interactive shell too: for a line nobody types into. */
    void cutOff() {
        while (status == null) {
            Execution current = pipeline.current;
            current.detach();
            if (!current.isFinished()) {
                throw new IllegalStateException(current + " did not finish when detached");
            }
        }
    }

    /**
     * Cuts off each command that follows something, so the line runs on to its end, or to an
     * interactive shell: that one is not cut off, since it reads the lines still to be typed.
     */
    void detach() {
        while (status == null && reader() == null) {
            Execution current = pipeline.current;
            current.detach();
            if (!current.isFinished()) {
                throw new IllegalStateException(current + " did not finish when detached");
            }
        }
    }

    /** One pipeline's stages; a stage's stdout goes to the next stage, the last one's to the terminal. */
    private final class Stages {

        private final List<Script.SimpleCommand> stages;
        private int next;
        private String stdin = "";
        private StringBuilder pipe;
        private Execution current;
        private int status;
        private boolean interrupted;
        private boolean lastInterrupted;

        Stages(List<Script.SimpleCommand> stages) {
            this.stages = stages;
        }

        /** Starts stages until one has to wait; true once the last has finished. */
        boolean step() {
            while (true) {
                if (current != null) {
                    if (!current.isFinished()) {
                        return false;
                    }
                    status = current.exitCode();
                    stdin = pipe == null ? "" : pipe.toString();
                    current = null;
                    if (next == stages.size()) {
                        return true;
                    }
                }
                boolean last = next == stages.size() - 1;
                pipe = last ? null : new StringBuilder();
                StringBuilder into = pipe;
                // Stages of a real pipe run in subshells, so exit there ends only the stage.
                current = shell.startStage(state, stages.get(next++), stdin, stages.size() > 1, last,
                        last ? terminal::out : into::append, terminal::err);
                if (interrupted && !current.isFinished()) {
                    current.interrupt();
                }
                if (!current.isFinished()) {
                    current.whenFinished(code -> proceed());
                    return false;
                }
            }
        }

        /** Ctrl-C: SIGINT to the running stage, and to each later stage as it starts. */
        void interrupt() {
            interrupted = true;
            lastInterrupted = next == stages.size();
            current.interrupt();
        }

        /** Ctrl-C reached a stage before the last: the last stage dies of it too. */
        boolean killedByInterrupt() {
            if (interrupted && !lastInterrupted) {
                status = INTERRUPTED;
                return true;
            }
            return false;
        }
    }
}
