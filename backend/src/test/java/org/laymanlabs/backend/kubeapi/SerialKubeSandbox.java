package org.laymanlabs.backend.kubeapi;

import java.time.Duration;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
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
 * turn, advances its clock by the real time that passed, as the server does while a learner is
 * active (DESIGN.md, "Virtual time"), and runs changing requests with the dispatcher, as the
 * session's actor does (without the journal, which the session's own tests cover).
 */
final class SerialKubeSandbox implements KubeSandbox, AutoCloseable {

    private static final long TICK_MILLIS = 20;

    private final String id;
    private final Sandbox sandbox;
    private final KubeDispatcher dispatcher = new KubeDispatcher();
    private final ScheduledExecutorService thread;
    private long lastTick = System.nanoTime();

    SerialKubeSandbox(String id, long seed) {
        this.id = id;
        // Starting at the real time, as a session does, so that kubectl's ages agree with the server's.
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
    public <T> CompletableFuture<T> query(Function<Sandbox, T> read) {
        return CompletableFuture.supplyAsync(() -> read.apply(sandbox), thread);
    }

    @Override
    public CompletableFuture<ApiResponse> call(ApiRequest request) {
        return CompletableFuture.supplyAsync(() -> dispatcher.dispatch(sandbox, request), thread);
    }

    /** Reads the sandbox on its own thread, as the tests' assertions on the shared state must. */
    <T> T read(Function<Sandbox, T> query) {
        return query(query).join();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
