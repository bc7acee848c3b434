package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.List;
import java.util.function.Consumer;

/**
 * Mirrors etcd server/storage/mvcc/watcher.go: one watch on a key or range. It receives every
 * change after its start revision exactly once and in revision order, first the history it asked
 * for, then each new revision as it is written.
 */
public final class Watcher {

    /** Where a watcher's events go; serializable, as a checkpointed sandbox keeps its watches. */
    public interface Sink extends Consumer<List<Event>>, java.io.Serializable {
    }

    /** How the store forgets a cancelled watcher. */
    interface OnCancel extends Runnable, java.io.Serializable {
    }

    private final KeyRange range;
    private final boolean prevKv;
    private final Sink sink;
    private final OnCancel onCancel;
    private boolean cancelled;

    Watcher(KeyRange range, boolean prevKv, Sink sink, OnCancel onCancel) {
        this.range = range;
        this.prevKv = prevKv;
        this.sink = sink;
        this.onCancel = onCancel;
    }

    public KeyRange range() {
        return range;
    }

    boolean wantsPrevKv() {
        return prevKv;
    }

    void deliver(List<Event> events) {
        if (!cancelled && !events.isEmpty()) {
            sink.accept(events);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the watch; the store forgets it. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
        }
    }
}
