package org.laymanlabs.backend.engineapi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * The tests' stand-in for the session service's live sandbox: one thread runs all of its work in
 * turn, and advances its clock by the real time that passed, as the server does while a learner
 * is active (DESIGN.md, "Virtual time"). Its calls go through the dispatcher and are kept with
 * their instants, as the session's journal keeps them.
 */
final class SerialSandbox implements SandboxHandle, AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final String id;
    final SandboxSpec spec;
    private final Sandbox sandbox;
    private final ScheduledExecutorService thread;
    private final DockerDispatcher dispatcher;
    private final List<Called> journal = new CopyOnWriteArrayList<>();

    /** One journaled call: when it was carried out, what was asked and what the sandbox answered. */
    record Called(Instant at, ApiRequest request, ApiResponse answer) {
    }
    private long lastTick = System.nanoTime();

    SerialSandbox(String id, long seed, DockerDispatcher dispatcher) {
        this.id = id;
        this.dispatcher = dispatcher;
        // Starting at the real time, as a session does, so that the CLI's "2 seconds ago" agrees with the daemon's.
        this.spec = new SandboxSpec(seed, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.sandbox = Sandbox.create(spec);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-" + id);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        sandbox.clock().advance(Duration.ofNanos(now - lastTick));
        lastTick = now;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletableFuture<ApiResponse> call(ApiRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            ApiResponse answer = dispatcher.dispatch(sandbox, request);
            journal.add(new Called(sandbox.clock().now(), request, answer));
            return answer;
        }, thread);
    }

    @Override
    public <T> CompletableFuture<T> query(Function<Sandbox, T> read) {
        return CompletableFuture.supplyAsync(() -> read.apply(sandbox), thread);
    }

    /** Reads the sandbox on its own thread, as the tests' assertions on the shared state must. */
    <T> T read(Function<Sandbox, T> query) {
        return query(query).join();
    }

    /** The calls carried out so far, in order. */
    List<Called> journal() {
        return List.copyOf(journal);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
