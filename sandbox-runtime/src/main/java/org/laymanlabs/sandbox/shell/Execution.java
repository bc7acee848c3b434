package org.laymanlabs.sandbox.shell;

import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * One command while it runs. Most commands finish inside {@link Command#start}; one that follows
 * something finishes later, from an observer of the sandbox's clock, or when the shell interrupts
 * or detaches it. No thread waits on it: whoever drives the clock drives it.
 */
public abstract class Execution {

    private OptionalInt status = OptionalInt.empty();
    private Continuation whenFinished = code -> { };
    private VirtualClock.Observation observation;

    /** A command that has already ended with this status. */
    public static Execution finished(int status) {
        Execution done = new Execution() {
            @Override
            public void interrupt() {
            }

            @Override
            public void detach() {
            }
        };
        done.finish(status);
        return done;
    }

    public final boolean isFinished() {
        return status.isPresent();
    }

    /** @throws IllegalStateException while it runs */
    public final int exitCode() {
        return status.orElseThrow(() -> new IllegalStateException("the command is still running"));
    }

    /** Ctrl-C: SIGINT, handled as the real tool handles it; the command may finish or go on. */
    public abstract void interrupt();

    /** The terminal went away: stop writing and finish now, with status 0, leaving what is followed untouched. */
    public abstract void detach();

    /** Ends the command; later calls are ignored, so a tick and an interrupt may both try. */
    protected final void finish(int code) {
        if (status.isPresent()) {
            return;
        }
        status = OptionalInt.of(code);
        if (observation != null) {
            observation.cancel();
        }
        whenFinished.accept(code);
    }

    /**
     * Calls {@code check} whenever the clock moves, until this command finishes. Output that can
     * no longer be written (a redirection's file on a full workspace) ends the command with status
     * 1, as a write error ends a real tool, rather than failing whoever advanced the clock.
     */
    protected final void onEveryTick(VirtualClock clock, VirtualClock.Observer check) {
        if (!isFinished()) {
            observation = clock.observe(new Tick(this, check));
        }
    }

    /**
     * The observer {@link #onEveryTick} registers. A named class, not a lambda: the command holds
     * its registration, which holds this observer, and a checkpoint restores such a cycle only
     * through an object made before its fields.
     */
    private static final class Tick implements VirtualClock.Observer {
        private final Execution execution;
        private final VirtualClock.Observer check;

        private Tick(Execution execution, VirtualClock.Observer check) {
            this.execution = execution;
            this.check = check;
        }

        @Override
        public void run() {
            try {
                check.run();
            } catch (FileSystemException e) {
                execution.finish(1);
            }
        }
    }

    /** The rest of a line, run with a command's status when it ends; serializable, as a waiting line is kept in a checkpoint. */
    @FunctionalInterface
    interface Continuation extends IntConsumer, java.io.Serializable {
    }

    /** Registers the shell's continuation: the rest of the line runs when this command ends. */
    final void whenFinished(Continuation continuation) {
        this.whenFinished = continuation;
    }
}
