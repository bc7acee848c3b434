package org.laymanlabs.sandbox.docker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A docker command that follows one run of a container's process and prints its output as the
 * clock moves: {@code docker logs -f} and an attached {@code docker run}. Mirrors moby
 * daemon/logs.go, whose follow ends when the container's log is closed at exit (a restart opens a
 * new one), and docker/cli's attach, which ends when the container's next exit is reported.
 */
public abstract class ContainerOutput extends Execution {

    protected final Container container;
    private final Optional<Instant> run;
    private LogEntry lastSeen;

    /** @param fromNow whether to skip what the container has written so far, or print it at the first look */
    ContainerOutput(Container container, boolean fromNow) {
        this(container, fromNow ? latest(container) : null);
    }

    /** @param after the last entry not to print, or null to print the whole log at the first look */
    ContainerOutput(Container container, LogEntry after) {
        this.container = container;
        this.run = container.state().startedAt();
        this.lastSeen = after;
    }

    /** The entry the container wrote last, or null if it has written nothing. */
    public static LogEntry latest(Container container) {
        List<LogEntry> logs = container.logs();
        return logs.isEmpty() ? null : logs.get(logs.size() - 1);
    }

    /**
     * The Engine API's attach and {@code logs?follow=1}: every entry written after {@code after}
     * (the whole log when null) goes to {@code sink} as the clock moves, then {@code onEnd} runs
     * once the current run has ended. Cancel it with {@link #detach()}.
     */
    public static ContainerOutput follow(Container container, VirtualClock clock, LogEntry after,
                                         Consumer<LogEntry> sink, Runnable onEnd) {
        ContainerOutput output = new ContainerOutput(container, after) {
            @Override
            void print(LogEntry entry) {
                sink.accept(entry);
            }

            @Override
            void ended() {
                finish(0);
                onEnd.run();
            }

            @Override
            public void interrupt() {
                finish(0);
            }

            @Override
            public void detach() {
                finish(0);
            }
        };
        output.follow(clock);
        return output;
    }

    /** Prints what is new, then follows until the run ends, unless it has ended already. */
    final void follow(VirtualClock clock) {
        printNew();
        if (runEnded()) {
            ended();
        } else {
            onEveryTick(clock, this::tick);
        }
    }

    /** Prints one entry the container wrote after this command began. */
    abstract void print(LogEntry entry);

    /** The run being followed has ended; print nothing more and finish. */
    abstract void ended();

    private void tick() {
        printNew();
        if (runEnded()) {
            ended();
        }
    }

    /** The entries written since the last look, found by identity since the log drops its oldest lines. */
    final void printNew() {
        List<LogEntry> logs = container.logs();
        int from = 0;
        for (int i = logs.size() - 1; i >= 0; i--) {
            if (logs.get(i) == lastSeen) {
                from = i + 1;
                break;
            }
        }
        for (LogEntry entry : logs.subList(from, logs.size())) {
            print(entry);
            lastSeen = entry;
        }
    }

    /** Stopped, or stopped and restarted since the command began (a restarting container counts as stopped). */
    final boolean runEnded() {
        return container.state().status() != ContainerStatus.RUNNING || !container.state().startedAt().equals(run);
    }
}
