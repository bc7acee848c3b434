package org.laymanlabs.sandbox.shell;

import java.util.function.IntConsumer;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * A shell whose stdin is the learner's terminal: {@code sh} started by {@code docker exec -it},
 * {@code kubectl exec -it} or {@code docker run -it}. The command that started it stays in the
 * foreground of the outer shell until it ends, as bash waits for its foreground job; meanwhile
 * {@link CommandLineShell} hands every line typed to {@link #read}, which runs it in this shell's own
 * state (its files, working directory, variables and {@code $?}). {@code exit} (or end of input)
 * ends it with its status, and the outer line goes on from where it waited. Lines are the only
 * input, so a journal of typed lines replays a session exactly.
 */
public abstract class InteractiveShell extends Execution {

    private final CommandLineShell shell;
    private final OutputSink out;
    private Epilogue onEnd = status -> { };
    /** Lines read so far: dash numbers its errors by the line of input they came from. */
    private int lines;

    /**
     * @param shell the shell that runs the lines, over the container's files
     * @param out   the terminal, as the command that started this shell writes to it
     */
    protected InteractiveShell(CommandLineShell shell, OutputSink out) {
        this.shell = shell;
        this.out = out;
    }

    /** What the terminal shows before the next line: PS1 as this shell expands it, or nothing without a TTY. */
    public abstract String prompt();

    /** Rewrites what the sandbox's bash wrote on stderr into this shell's own wording (ash, dash or bash). */
    protected abstract String dialect(String stderr, int line);

    /** Runs when {@code exit} has left the shell, before the session ends: interactive bash says "exit". */
    protected void leaving(OutputSink terminal) {
    }

    /** What hears a session's end (PID 1's exit, for docker run -it); serializable, as an open session is kept in a checkpoint. */
    @FunctionalInterface
    public interface Epilogue extends IntConsumer, java.io.Serializable {
    }

    /** Hears the status once the session has ended, whether by {@code exit} or because its container stopped. */
    public final InteractiveShell whenEnded(Epilogue epilogue) {
        this.onEnd = epilogue;
        return this;
    }

    /** The files the next line will run over, for completion. */
    public final FileSystem files() {
        return shell.files();
    }

    /** The shell's working directory, for the prompt and completion. */
    public final String cwd() {
        return shell.cwd();
    }

    /** {@code $HOME}, which the prompt shows as {@code ~}. */
    protected final String home() {
        return shell.variable("HOME").orElse("/");
    }

    /** The terminal: lines' output, and whatever the session writes as it ends. */
    protected final OutputSink terminal() {
        return out;
    }

    /** One line the learner typed, run in this shell; the session ends once a line has left it. */
    final RunningCommand read(String line) {
        int number = ++lines;
        OutputSink own = (stream, text) -> out.write(stream,
                stream == OutputChunk.Stream.STDERR ? dialect(text, number) : text);
        RunningCommand running = shell.start(line, own);
        if (running.isFinished()) {
            settle();
        } else {
            shell.whenForegroundEnds(this::settle);
        }
        return running;
    }

    private void settle() {
        if (shell.hasExited() && !isFinished()) {
            leaving(out);
            end(shell.lastExitCode());
        }
    }

    /** Ends the session with this status: the outer line goes on, and whoever started it hears the status first. */
    protected final void end(int status) {
        if (isFinished()) {
            return;
        }
        onEnd.accept(status);
        finish(status);
    }

    /** With a TTY, Ctrl-C goes to the shell in the container, which drops the line and stays. */
    @Override
    public void interrupt() {
    }

    /** The terminal went away: the shell reads end of input and exits with its last status. */
    @Override
    public void detach() {
        end(shell.lastExitCode());
    }

    /** {@code \w}: the working directory, with {@code ~} for $HOME as bash and ash show it. */
    protected final String tildeCwd() {
        String cwd = cwd();
        String home = home();
        if (!home.equals("/") && (cwd.equals(home) || cwd.startsWith(home + "/"))) {
            return "~" + cwd.substring(home.length());
        }
        return cwd;
    }
}
