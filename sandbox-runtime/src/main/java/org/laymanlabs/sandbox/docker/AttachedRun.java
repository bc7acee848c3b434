package org.laymanlabs.sandbox.docker;

import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * The terminal attached to a container: {@code docker run} without {@code -d}, and
 * {@code docker start -a}. Mirrors docker/cli's attach and wait (run.go, start.go): the
 * container's stdout and stderr as it writes them (both to stdout with {@code -t}), until its
 * next exit, whose status becomes the command's. Ctrl-C is forwarded to the container as SIGINT
 * (sig-proxy, on by default), and the CLI keeps waiting: a process that handles SIGINT ends and
 * the run with it; one that ignores it, as PID 1 without a handler does, keeps the terminal
 * attached.
 */
final class AttachedRun extends ContainerOutput {

    private final ContainerEngine engine;
    private final OutputSink out;

    private AttachedRun(ContainerEngine engine, Container container, LogEntry after, OutputSink out) {
        super(container, after);
        this.engine = engine;
        this.out = out;
    }

    /**
     * Attaches to the container's current run, printing what it wrote after {@code after} (all of
     * its log when null), and follows it until it exits.
     */
    static Execution follow(ContainerEngine engine, Container container, LogEntry after, OutputSink out) {
        AttachedRun attached = new AttachedRun(engine, container, after, out);
        attached.follow(engine.clock());
        return attached;
    }

    @Override
    void print(LogEntry entry) {
        boolean toStdout = entry.stream() == LogEntry.Stream.STDOUT || container.spec().tty();
        out.write(toStdout ? OutputChunk.Stream.STDOUT : OutputChunk.Stream.STDERR, entry.line() + "\n");
    }

    @Override
    void ended() {
        finish(container.state().exitCode());
    }

    @Override
    public void interrupt() {
        if (isFinished()) {
            return;
        }
        try {
            engine.kill(container.id(), Signal.SIGINT);
        } catch (DaemonException e) {
            // ForwardAllSignals ignores a failed kill: the container may be between restarts.
        }
        printNew();
        if (runEnded()) {
            ended();
        }
    }

    @Override
    public void detach() {
        finish(0);
    }
}
