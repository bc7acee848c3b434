package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mirrors etcd-io/raft MemoryStorage standing in for etcd's WAL: a member's disk. It outlives the
 * node: when a member is stopped its node is thrown away, and a restarted node reloads its term,
 * vote and log from here.
 */
public final class RaftStorage {

    private HardState hardState = HardState.EMPTY;
    private final List<Entry> entries = new ArrayList<>();

    /** Persists a Ready's state; entries replace any stored suffix from their first index on. */
    public void save(HardState state, List<Entry> newEntries) {
        hardState = state;
        if (newEntries.isEmpty()) {
            return;
        }
        long first = newEntries.get(0).index();
        if (first > entries.size() + 1) {
            throw new IllegalStateException("gap in log: have " + entries.size() + ", got " + first);
        }
        entries.subList((int) first - 1, entries.size()).clear();
        entries.addAll(newEntries);
    }

    public HardState hardState() {
        return hardState;
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public long lastIndex() {
        return entries.size();
    }
}
