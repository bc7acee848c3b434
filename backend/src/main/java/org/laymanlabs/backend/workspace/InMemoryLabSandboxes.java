package org.laymanlabs.backend.workspace;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Sandboxes held in memory only, one per caller (the browser workspace asks once per UI session
 * and lab). They share one timer thread that moves the clocks of the sandboxes someone is
 * looking at; nothing is saved, so a server restart starts every learner afresh.
 */
@Service
public class InMemoryLabSandboxes implements LabSandboxes, DisposableBean {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-clocks");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock wallClock;

    public InMemoryLabSandboxes() {
        this(Clock.systemUTC());
    }

    /** @param wallClock the real time the sandboxes' clocks keep pace with */
    InMemoryLabSandboxes(Clock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public LabSandbox start(String labId) {
        // The server is the edge of the system: the only place that reads the wall clock.
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(wallClock.instant()));
        return new LockedLabSandbox(labId, sandbox, timer, wallClock);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
