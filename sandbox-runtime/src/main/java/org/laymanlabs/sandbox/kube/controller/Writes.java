package org.laymanlabs.sandbox.kube.controller;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.client.WorkQueue;

/**
 * Ends a sync when all the API writes it started have answered: success if every one was
 * accepted, otherwise a rate-limited retry (a Conflict means someone else changed the object,
 * and the next sync reads it afresh, as level-driven controllers do).
 */
public final class Writes {

    private Writes() {
    }

    public static void finish(List<? extends CompletableFuture<?>> writes, WorkQueue.Done done) {
        finish(writes, done, java.util.Optional.empty());
    }

    /** As {@link #finish(List, WorkQueue.Done)}, and look again after {@code recheck} (a time-based state will change). */
    public static void finish(List<? extends CompletableFuture<?>> writes, WorkQueue.Done done,
                              java.util.Optional<java.time.Duration> recheck) {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure != null) {
                done.retry();
            } else if (recheck.isPresent()) {
                done.requeueAfter(recheck.get());
            } else {
                done.success();
            }
        });
    }
}
