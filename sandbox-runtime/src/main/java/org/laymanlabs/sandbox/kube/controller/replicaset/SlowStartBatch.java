package org.laymanlabs.sandbox.kube.controller.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Mirrors pkg/controller/replicaset/replica_set.go, slowStartBatch: creates in batches of 1, 2,
 * 4, … and stops at the first batch with a failure, so that a ReplicaSet whose pods are all
 * refused (a quota, a bad template) sends one request per sync instead of thousands. Together
 * with {@link #BURST_REPLICAS} it bounds the work of one sync of a million-replica ReplicaSet.
 */
final class SlowStartBatch {

    /** replica_set.go's BurstReplicas: at most this many pods are created or deleted per sync. */
    static final int BURST_REPLICAS = 500;

    /** controller.SlowStartInitialBatchSize. */
    private static final int INITIAL_BATCH_SIZE = 1;

    private SlowStartBatch() {
    }

    /** Runs {@code create} {@code count} times in growing batches; fails with the first failure of a batch. */
    static CompletableFuture<Void> run(int count, Supplier<CompletableFuture<?>> create) {
        return batch(count, Math.min(count, INITIAL_BATCH_SIZE), create);
    }

    private static CompletableFuture<Void> batch(int remaining, int size, Supplier<CompletableFuture<?>> create) {
        if (size <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> creates = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            creates.add(create.get());
        }
        int left = remaining - size;
        return CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
                .thenCompose(ok -> batch(left, Math.min(2 * size, left), create));
    }
}
