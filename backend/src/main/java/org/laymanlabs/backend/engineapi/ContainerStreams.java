package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.docker.ContainerOutput;
import org.laymanlabs.sandbox.image.DaemonException;

/**
 * The routes that stream a container: wait, attach and logs. Mirrors moby's container_routes.go
 * (postContainersWait writes its 200 at once and the status when the condition is met;
 * postContainersAttach hijacks the connection; getContainersLogs multiplexes unless the container
 * has a TTY) and daemon/attach.go, whose attach before start carries the run that start begins.
 */
final class ContainerStreams {

    private static final DateTimeFormatter RFC3339_NANO_FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private ContainerStreams() {
    }

    /** {@code ?condition=not-running} (the default), {@code next-exit} or {@code removed}. */
    static void await(ApiCall call) throws IOException {
        String condition = call.param("condition").isEmpty() ? "not-running" : call.param("condition");
        if (!List.of("not-running", "next-exit", "removed").contains(condition)) {
            throw ApiException.badRequest("invalid condition: \"" + condition + "\"");
        }
        CompletableFuture<Integer> exit = call.read(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            Optional<Instant> finishedBefore = c.state().finishedAt();
            return ClockWatch.until(sandbox.clock(), () -> {
                boolean gone = sandbox.containers().containers().find(c.id()).isEmpty();
                boolean met = switch (condition) {
                    case "removed" -> gone;
                    case "next-exit" -> gone || ContainerRoutes.notRunning(c) && !c.state().finishedAt().equals(finishedBefore);
                    default -> gone || ContainerRoutes.notRunning(c);
                };
                return met ? Optional.of(c.state().exitCode()) : Optional.empty();
            });
        });
        try (OutputStream out = call.response.chunked(200, HttpResponse.JSON)) {
            if (call.awaitWhileConnected(exit)) {
                out.write(("{\"StatusCode\":" + exit.join() + "}\n").getBytes(StandardCharsets.UTF_8));
            } else {
                exit.cancel(false);
            }
        }
    }

    /**
     * {@code ?stream=1&stdout=1&stderr=1[&logs=1]}: the container's output from now (or from its
     * first line with logs=1) until its run ends. Attached before start, as {@code docker run}
     * does, it waits for the start and carries that run.
     */
    static void attach(ApiCall call) throws IOException {
        boolean stdout = call.flag("stdout");
        boolean stderr = call.flag("stderr");
        boolean logs = call.flag("logs");
        boolean stream = call.flag("stream");
        OutputPipe[] pipe = new OutputPipe[1];
        CompletableFuture<ContainerOutput> following = call.read(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            pipe[0] = new OutputPipe(!c.spec().tty());
            LogEntry after = logs ? null : ContainerOutput.latest(c);
            if (!stream) {
                if (logs) {
                    c.logs().forEach(e -> send(pipe[0], e, stdout, stderr, false));
                }
                pipe[0].end();
                return CompletableFuture.completedFuture(null);
            }
            Optional<Instant> startedBefore = c.state().startedAt();
            Optional<Instant> finishedBefore = c.state().finishedAt();
            boolean waitForStart = !c.state().isRunning();
            // Until the start this attach carries: or until the start fails, or the container goes.
            return ClockWatch.until(sandbox.clock(), () -> {
                boolean gone = sandbox.containers().containers().find(c.id()).isEmpty();
                boolean moved = !c.state().startedAt().equals(startedBefore) || !c.state().finishedAt().equals(finishedBefore);
                return !waitForStart || gone || moved ? Optional.of(!waitForStart || moved) : Optional.empty();
            }).thenApply(ran -> {
                if (!ran) {
                    pipe[0].end();
                    return null;
                }
                return ContainerOutput.follow(c, sandbox.clock(), after, e -> send(pipe[0], e, stdout, stderr, false),
                        pipe[0]::end);
            });
        });
        OutputStream out = call.response.hijack(call.request.wantsUpgrade(),
                pipe[0].multiplexed() ? HttpResponse.MULTIPLEXED : HttpResponse.RAW);
        pump(call, pipe[0], out, following);
    }

    /** {@code ?stdout=1&stderr=1&tail=all[&follow=1][&timestamps=1]}. */
    static void logs(ApiCall call) throws IOException {
        boolean stdout = call.flag("stdout");
        boolean stderr = call.flag("stderr");
        if (!stdout && !stderr) {
            throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
        }
        boolean timestamps = call.flag("timestamps");
        boolean follow = call.flag("follow");
        String tail = call.param("tail");
        OutputPipe[] pipe = new OutputPipe[1];
        ContainerOutput following = call.read(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            pipe[0] = new OutputPipe(!c.spec().tty());
            List<LogEntry> entries = c.logs();
            if (!tail.isEmpty() && !tail.equals("all")) {
                int n = tail(tail);
                entries = entries.subList(Math.max(0, entries.size() - n), entries.size());
            }
            entries.forEach(e -> send(pipe[0], e, stdout, stderr, timestamps));
            if (!follow) {
                pipe[0].end();
                return null;
            }
            return ContainerOutput.follow(c, sandbox.clock(), ContainerOutput.latest(c),
                    e -> send(pipe[0], e, stdout, stderr, timestamps), pipe[0]::end);
        });
        OutputStream out = call.response.chunked(200, pipe[0].multiplexed() ? HttpResponse.MULTIPLEXED : HttpResponse.RAW);
        pump(call, pipe[0], out, CompletableFuture.completedFuture(following));
        out.close();
    }

    private static int tail(String tail) {
        try {
            return Math.max(0, Integer.parseInt(tail));
        } catch (NumberFormatException e) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid tail: " + tail);
        }
    }

    /** Writes until the output ends; a client that went away stops the follower on the sandbox's thread. */
    static void pump(ApiCall call, OutputPipe pipe, OutputStream out, CompletableFuture<ContainerOutput> following) {
        try {
            if (!pipe.drainTo(out)) {
                following.cancel(false);
                call.sandbox.query(sandbox -> {
                    following.thenAccept(f -> {
                        if (f != null) {
                            f.detach();
                        }
                    });
                    return null;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(OutputPipe pipe, LogEntry e, boolean stdout, boolean stderr, boolean timestamps) {
        boolean out = e.stream() == LogEntry.Stream.STDOUT;
        if (out && !stdout || !out && !stderr) {
            return;
        }
        String stamp = timestamps ? RFC3339_NANO_FIXED.format(e.time()) + " " : "";
        pipe.write(out ? OutputPipe.STDOUT : OutputPipe.STDERR, stamp + e.line() + "\n");
    }
}
