package org.laymanlabs.sandbox.kube.store.raft;

/**
 * Mirrors etcd-io/raft raftpb.Snapshot (Raft paper §7): the state machine as of {@code index}, the
 * last entry it includes, and that entry's term, so the log after it can still be checked for
 * consistency once the entries up to it are discarded. Raft does not look inside {@code data}.
 */
public record Snapshot(long index, long term, Object data) {

    /** MemoryStorage's initial snapshot: nothing compacted yet. */
    public static final Snapshot EMPTY = new Snapshot(0, 0, null);
}
