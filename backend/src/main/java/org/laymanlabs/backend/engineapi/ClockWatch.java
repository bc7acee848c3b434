package org.laymanlabs.backend.engineapi;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Waits, on the sandbox's thread, for something to become true: checked at once and then each
 * time the sandbox's clock moves, the way a command that follows something is driven (Execution).
 * Cancelling the future from any thread ends the watch at the next tick, on the sandbox's thread.
 */
final class ClockWatch {

    private ClockWatch() {
    }

    /** Must be called on the sandbox's thread; the future completes with the first value {@code check} gives. */
    static <T> CompletableFuture<T> until(VirtualClock clock, Supplier<Optional<T>> check) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Optional<T> now = check.get();
        if (now.isPresent()) {
            done.complete(now.get());
            return done;
        }
        VirtualClock.Observation[] observation = new VirtualClock.Observation[1];
        observation[0] = clock.observe(() -> {
            if (done.isDone()) {
                observation[0].cancel();
                return;
            }
            check.get().ifPresent(value -> {
                observation[0].cancel();
                done.complete(value);
            });
        });
        return done;
    }
}
