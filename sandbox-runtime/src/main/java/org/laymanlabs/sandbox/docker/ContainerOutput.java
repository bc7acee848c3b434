package org.laymanlabs.sandbox.docker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
abstract class ContainerOutput extends Execution {

    protected final Container container;
    private final Optional<Instant> run;
    private LogEntry lastSeen;

    /** @param fromNow whether to skip what the container has written so far, or print it at the first look */
    ContainerOutput(Container container, boolean fromNow) {
        this.container = container;
        this.run = container.state().startedAt();
        List<LogEntry> logs = container.logs();
        this.lastSeen = logs.isEmpty() || !fromNow ? null : logs.get(logs.size() - 1);
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
