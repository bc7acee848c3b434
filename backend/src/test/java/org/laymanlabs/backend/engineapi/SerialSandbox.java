package org.laymanlabs.backend.engineapi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * The tests' stand-in for the session service's live sandbox: one thread runs all of its work in
 * turn, and advances its clock by the real time that passed, as the server does while a learner
 * is active (DESIGN.md, "Virtual time").
 */
final class SerialSandbox implements SandboxHandle, AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final String id;
    private final Sandbox sandbox;
    private final ScheduledExecutorService thread;
    private long lastTick = System.nanoTime();

    SerialSandbox(String id, long seed) {
        this.id = id;
        // Starting at the real time, as a session does, so that the CLI's "2 seconds ago" agrees with the daemon's.
        this.sandbox = Sandbox.create(new SandboxSpec(seed, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
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
    public <T> CompletableFuture<T> submit(Function<Sandbox, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(sandbox), thread);
    }

    /** Reads the sandbox on its own thread, as the tests' assertions on the shared state must. */
    <T> T read(Function<Sandbox, T> query) {
        return submit(query).join();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
