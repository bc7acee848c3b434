package org.laymanlabs.backend.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A sandbox in memory ({@link Sessions}), with when its learner last used it and when its clock
 * last moved, both in wall time. Its clock follows real time while the learner is active, one
 * tick at a time; it stands still while the learner is away, and while the sandbox is throttled
 * for CPU, so that a sandbox whose clock costs more than its quota runs slower instead of taking
 * more.
 */
final class LiveSandbox {

    final SandboxActor actor;
    volatile Instant lastUsed;
    private Instant lastTick;
    private CompletableFuture<Void> pendingTick = CompletableFuture.completedFuture(null);

    LiveSandbox(SandboxActor actor, Instant now) {
        this.actor = actor;
        this.lastUsed = now;
        this.lastTick = now;
    }

    /**
     * Moves the clock on by the real time since its last tick. A tick still queued behind other
     * work is left to finish, and the time meanwhile goes into the next one; time the sandbox spends
     * throttled or idle is skipped.
     */
    void tick(Instant now, Duration activeWindow) {
        if (Duration.between(lastUsed, now).compareTo(activeWindow) > 0 || actor.throttled()) {
            lastTick = now;
        } else if (pendingTick.isDone() && now.isAfter(lastTick)) {
            pendingTick = actor.tick(Duration.between(lastTick, now));
            lastTick = now;
        }
    }
}
