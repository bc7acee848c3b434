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
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure == null) {
                done.success();
            } else {
                done.retry();
            }
        });
    }
}
