package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mirrors etcd-io/raft MemoryStorage standing in for etcd's WAL and snap files: a member's disk. It
 * outlives the node: when a member is stopped its node is thrown away, and a restarted node reloads
 * its term, vote, latest snapshot and the log after it from here. Entries up to a snapshot can be
 * compacted away (§7): the snapshot stands in for them.
 */
public final class RaftStorage {

    private HardState hardState = HardState.EMPTY;
    private Snapshot snapshot = Snapshot.EMPTY;
    /** MemoryStorage's ents[0]: the last compacted index and its term; the entries follow it. */
    private long offset;
    private long offsetTerm;
    private final List<Entry> entries = new ArrayList<>();

    /** Persists a Ready's state; entries replace any stored suffix from their first index on. */
    public void save(HardState state, List<Entry> newEntries) {
        hardState = state;
        if (newEntries.isEmpty()) {
            return;
        }
        long first = newEntries.get(0).index();
        if (first > lastIndex() + 1) {
            throw new IllegalStateException("gap in log: have " + lastIndex() + ", got " + first);
        }
        if (first <= offset) {
            throw new IllegalStateException("entry " + first + " is already compacted: the log starts after " + offset);
        }
        entries.subList((int) (first - offset - 1), entries.size()).clear();
        entries.addAll(newEntries);
    }

    public HardState hardState() {
        return hardState;
    }

    /** The entries after {@link #offset()}. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The latest snapshot of the state machine; a follower behind the log gets it. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The last discarded index: the log holds the entries after it. */
    public long offset() {
        return offset;
    }

    /** The term of the entry at {@link #offset()}, kept so that the next entry can still be matched. */
    public long offsetTerm() {
        return offsetTerm;
    }

    public long lastIndex() {
        return offset + entries.size();
    }

    /** MemoryStorage.CreateSnapshot: records the state machine as of an index the log still holds. */
    public void createSnapshot(long index, Object data) {
        if (index <= snapshot.index()) {
            return;
        }
        if (index <= offset || index > lastIndex()) {
            throw new IllegalStateException("snapshot " + index + " is out of the log (" + offset + ", " + lastIndex() + "]");
        }
        snapshot = new Snapshot(index, entries.get((int) (index - offset - 1)).term(), data);
    }

    /**
     * MemoryStorage.Compact: discards the entries up to {@code index}. etcd compacts to its
     * snapshot's index less SnapshotCatchUpEntries, so that a follower a little behind still
     * catches up from the log rather than with a whole snapshot.
     */
    public void compact(long index) {
        if (index <= offset) {
            return;
        }
        if (index > lastIndex()) {
            throw new IllegalStateException("compact " + index + " is beyond the last index " + lastIndex());
        }
        offsetTerm = entries.get((int) (index - offset - 1)).term();
        entries.subList(0, (int) (index - offset)).clear();
        offset = index;
    }

    /** MemoryStorage.ApplySnapshot: a follower's whole log gives way to the leader's snapshot. */
    public void applySnapshot(Snapshot newSnapshot) {
        snapshot = newSnapshot;
        offset = newSnapshot.index();
        offsetTerm = newSnapshot.term();
        entries.clear();
    }
}
