package org.laymanlabs.sandbox.container;

import java.time.Instant;
import java.util.Optional;

/**
 * Mirrors moby container/state.go: the status, PID, exit code and the times a container last
 * started and finished. Only the runtime changes it.
 */
public final class ContainerState {

    private ContainerStatus status = ContainerStatus.CREATED;
    private int pid;
    private int exitCode;
    private String error = "";
    private Instant startedAt;
    private Instant finishedAt;
    private Instant lastStartedAt;
    private boolean oomKilled;

    public ContainerStatus status() {
        return status;
    }

    /** Running or restarting: moby counts a restarting container as running. */
    public boolean isRunning() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.RESTARTING;
    }

    public int pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }

    public String error() {
        return error;
    }

    /** Whether the kernel's OOM killer ended the last run (State.OOMKilled). */
    public boolean oomKilled() {
        return oomKilled;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    void running(int newPid, Instant at) {
        status = ContainerStatus.RUNNING;
        lastStartedAt = startedAt;
        pid = newPid;
        exitCode = 0;
        error = "";
        oomKilled = false;
        startedAt = at;
    }

    void exited(int code, Instant at) {
        status = ContainerStatus.EXITED;
        pid = 0;
        exitCode = code;
        finishedAt = at;
    }

    void restarting(int code, Instant at) {
        exited(code, at);
        status = ContainerStatus.RESTARTING;
    }

    /** A start that failed before the process ran: the error is kept, as in {@code docker inspect}. */
    void failedToStart(int code, String message, Instant at) {
        exited(code, at);
        error = message;
        startedAt = lastStartedAt;
        if (startedAt == null) {
            status = ContainerStatus.CREATED;
        }
    }

    void markOomKilled() {
        oomKilled = true;
    }

    void removing() {
        status = ContainerStatus.REMOVING;
    }
}
