package org.laymanlabs.backend.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox behind one lock, so that the browser's requests, the clock's ticks and a following
 * command never touch it at once (DESIGN.md: a sandbox is one thread at a time). While the
 * workspace is open its clock keeps pace with real time, a tick at a time, and each tick lets a
 * following line ({@code kubectl get -w}) print what happened.
 */
final class LockedLabSandbox implements LabSandbox {

    private static final Logger log = LoggerFactory.getLogger(LockedLabSandbox.class);
    static final Duration TICK = Duration.ofMillis(100);
    /** A longer gap (a paused JVM, a laptop asleep) moves the clock only this far, as a suspended VM would. */
    private static final Duration MAX_STEP = Duration.ofSeconds(5);
    private static final String INTERNAL_ERROR = "\r\n\u001b[31mThe sandbox could not finish this command (an internal error"
            + " on our side, not yours). Your files and cluster are as they were; try again, or reset the lab.\u001b[0m\n";

    private final String labId;
    private final Sandbox sandbox;
    private final ScheduledExecutorService timer;
    private final Clock wallClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> history = new ArrayList<>();
    private final Completer completer;
    private Instant lastTick;
    private Foreground foreground;
    private ScheduledFuture<?> ticking;
    private int watchers;

    LockedLabSandbox(String labId, Sandbox sandbox, ScheduledExecutorService timer, Clock wallClock) {
        this.labId = labId;
        this.sandbox = sandbox;
        this.timer = timer;
        this.wallClock = wallClock;
        this.lastTick = wallClock.instant();
        this.completer = new Completer(sandbox);
    }

    @Override
    public String labId() {
        return labId;
    }

    @Override
    public TerminalLine start(String line, TerminalOutput out) {
        return locked(() -> {
            catchUp();
            if (!line.isBlank()) {
                history.add(line);
            }
            Foreground started = new Foreground(out);
            try {
                started.running = sandbox.shell().start(line, (stream, text) -> out.write(text, stream == OutputChunk.Stream.STDERR));
            } catch (RuntimeException e) {
                log.error("Lab {}: the sandbox failed on the line {}", labId, line, e);
                out.write(INTERNAL_ERROR, true);
                started.done.complete(1);
                return started;
            }
            foreground = started;
            started.settle();
            return started;
        });
    }

    @Override
    public List<String> history() {
        return locked(() -> List.copyOf(history));
    }

    @Override
    public Completion complete(String line) {
        return locked(() -> completer.complete(line));
    }

    @Override
    public List<String> files() {
        return locked(() -> WorkspaceFiles.list(sandbox.workspace()));
    }

    @Override
    public Optional<String> read(String path) {
        return locked(() -> WorkspaceFiles.read(sandbox.workspace(), path));
    }

    @Override
    public void save(String path, String text) {
        locked(() -> {
            WorkspaceFiles.save(sandbox.workspace(), path, text);
            return null;
        });
    }

    @Override
    public List<ManifestProblem> check(String path, String text) {
        return path.endsWith(".yaml") || path.endsWith(".yml") ? ManifestCheck.check(text) : List.of();
    }

    @Override
    public ClusterPicture picture() {
        return locked(() -> Pictures.of(sandbox));
    }

    @Override
    public String inspect(MapElement element) {
        return locked(() -> Inspector.inspect(sandbox, element));
    }

    @Override
    public AutoCloseable keepTime() {
        locked(() -> {
            if (watchers++ == 0) {
                lastTick = wallClock.instant();
                ticking = timer.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
            }
            return null;
        });
        return () -> locked(() -> {
            if (--watchers == 0 && ticking != null) {
                ticking.cancel(false);
            }
            return null;
        });
    }

    void tick() {
        try {
            locked(() -> {
                catchUp();
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Lab {}: the sandbox's clock failed to advance", labId, e);
        }
    }

    /** Moves the clock to the present and lets a following line see what happened meanwhile. */
    private void catchUp() {
        Instant now = wallClock.instant();
        Duration gap = Duration.between(lastTick, now);
        lastTick = now;
        if (!gap.isNegative() && !gap.isZero()) {
            sandbox.clock().advance(gap.compareTo(MAX_STEP) > 0 ? MAX_STEP : gap);
        }
        if (foreground != null) {
            foreground.settle();
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The line in the foreground: finished once its command is, or at once if it never followed anything. */
    private final class Foreground implements TerminalLine {

        private final TerminalOutput out;
        private final CompletableFuture<Integer> done = new CompletableFuture<>();
        private RunningCommand running;

        Foreground(TerminalOutput out) {
            this.out = out;
        }

        void settle() {
            if (running != null && running.isFinished() && !done.isDone()) {
                if (foreground == this) {
                    foreground = null;
                }
                done.complete(running.result().exitCode());
            }
        }

        @Override
        public CompletableFuture<Integer> finished() {
            return done;
        }

        @Override
        public void interrupt() {
            locked(() -> {
                if (running != null && !running.isFinished()) {
                    running.interrupt();
                    settle();
                } else if (running == null && !done.isDone()) {
                    out.write("^C\n", false);
                }
                return null;
            });
        }
    }
}
