package org.laymanlabs.sandbox.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
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
 */
final class Job implements RunningCommand {

    private static final int INTERRUPTED = 130;

    private final CommandLineShell shell;
    private final ShellState state;
    private final OutputSink terminal;
    private final CommandResult.Builder transcript = CommandResult.builder();
    private final Deque<Script.AndOr> lists;
    private Script.AndOr list;
    private int nextLink;
    private Stages pipeline;
    private boolean abandoned;
    private CommandResult result;

    Job(CommandLineShell shell, ShellState state, Script script, OutputSink out, int outputLimit) {
        this.shell = shell;
        this.state = state;
        this.lists = new ArrayDeque<>(script.lists());
        this.terminal = new CappedOutput((stream, text) -> {
            if (!text.isEmpty()) {
                transcript.write(stream, text);
                out.write(stream, text);
            }
        }, outputLimit);
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
        while (result == null) {
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
                result = transcript.build(state.lastExitCode);
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

    @Override
    public boolean isFinished() {
        return result != null;
    }

    @Override
    public CommandResult result() {
        if (result == null) {
            throw new IllegalStateException("the line is still running");
        }
        return result;
    }

    @Override
    public void interrupt() {
        if (result != null) {
            return;
        }
        pipeline.interrupt();
    }

    @Override
    public void detach() {
        while (result == null) {
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
