package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors etcd-io/raft log.go (raftLog): the entries, 1-indexed, with the commit and apply marks
 * and how far the entries are already on disk. The entries up to {@code offset} are compacted
 * (§7): only the last one's term is kept, and a snapshot received from the leader waits here
 * until the host has applied it.
 */
final class RaftLog {

    private final List<Entry> entries = new ArrayList<>();
    private long offset;
    private long offsetTerm;
    private long committed;
    private long applied;
    private long stabled;
    /** etcd-io/raft unstable.snapshot: restored from the leader, not yet handed to the host. */
    private Snapshot pendingSnapshot;

    RaftLog(List<Entry> persisted, long offset, long offsetTerm, long committed, long applied) {
        entries.addAll(persisted);
        this.offset = offset;
        this.offsetTerm = offsetTerm;
        this.stabled = offset + persisted.size();
        this.committed = committed;
        this.applied = Math.max(Math.min(applied, committed), offset);
    }

    long lastIndex() {
        return offset + entries.size();
    }

    /** The last compacted index; the entries after it are still here. */
    long offset() {
        return offset;
    }

    long lastTerm() {
        return term(lastIndex());
    }

    long committed() {
        return committed;
    }

    long applied() {
        return applied;
    }

    /** The term of the entry at {@code index}: 0 before the log or compacted, -1 past its end. */
    long term(long index) {
        if (index == offset) {
            return offsetTerm;
        }
        if (index < offset) {
            return 0;
        }
        return index > lastIndex() ? -1 : entries.get((int) (index - offset - 1)).term();
    }

    boolean matchTerm(long index, long term) {
        return term(index) == term;
    }

    /** §5.4.1: a candidate's log is at least as up to date as ours (compare last terms, then lengths). */
    boolean isUpToDate(long lastIndex, long lastTerm) {
        return lastTerm > lastTerm() || (lastTerm == lastTerm() && lastIndex >= lastIndex());
    }

    void append(Entry entry) {
        entries.add(entry);
    }

    /**
     * §5.3, receiver steps 2–5: refuse if there is no entry at prevIndex with prevTerm; delete the
     * first conflicting entry and all that follow it; append the new ones; advance the commit.
     *
     * @return the index of the last new entry, or -1 when the consistency check fails
     */
    long maybeAppend(long prevIndex, long prevTerm, long leaderCommit, List<Entry> newEntries) {
        if (!matchTerm(prevIndex, prevTerm)) {
            return -1;
        }
        for (Entry entry : newEntries) {
            if (matchTerm(entry.index(), entry.term())) {
                continue;
            }
            if (entry.index() <= committed) {
                throw new IllegalStateException("entry " + entry.index() + " conflicts with committed entry");
            }
            truncateFrom(entry.index());
            entries.add(entry);
        }
        long lastNew = prevIndex + newEntries.size();
        commitTo(Math.min(leaderCommit, lastNew));
        return lastNew;
    }

    private void truncateFrom(long index) {
        if (index <= lastIndex()) {
            entries.subList((int) (index - offset - 1), entries.size()).clear();
        }
        stabled = Math.min(stabled, index - 1);
    }

    /** etcd-io/raft findConflictByTerm: the last index at or before {@code index} whose term is at most {@code term}. */
    long findConflictByTerm(long index, long term) {
        long candidate = Math.min(index, lastIndex());
        while (candidate > 0 && term(candidate) > term) {
            candidate--;
        }
        return candidate;
    }

    void commitTo(long index) {
        if (index > committed) {
            if (index > lastIndex()) {
                throw new IllegalStateException("commit " + index + " is beyond the last index " + lastIndex());
            }
            committed = index;
        }
    }

    /** Entries from {@code from} to the end. */
    List<Entry> from(long from) {
        return List.copyOf(entries.subList((int) (Math.max(from, offset + 1) - offset - 1), entries.size()));
    }

    List<Entry> unstable() {
        return hasUnstable() ? List.copyOf(entries.subList((int) (stabled - offset), entries.size())) : List.of();
    }

    /** etcd-io/raft unstable: entries appended since the host last persisted. */
    boolean hasUnstable() {
        return stabled < lastIndex();
    }

    List<Entry> nextCommitted() {
        return hasNextCommitted()
                ? List.copyOf(entries.subList((int) (applied - offset), (int) (committed - offset))) : List.of();
    }

    /** etcd-io/raft hasNextCommittedEnts: committed entries the host has not applied yet. */
    boolean hasNextCommitted() {
        return committed > applied;
    }

    void markStableAndApplied() {
        stabled = lastIndex();
        applied = committed;
        pendingSnapshot = null;
    }

    /** MemoryStorage.Compact as the log sees it: the entries up to {@code index} are gone. */
    void compact(long index) {
        if (index <= offset) {
            return;
        }
        if (index > applied) {
            throw new IllegalStateException("compact " + index + " is beyond the applied index " + applied);
        }
        offsetTerm = term(index);
        entries.subList(0, (int) (index - offset)).clear();
        offset = index;
    }

    /** raftLog.restore: the log gives way to a snapshot; everything it covers is committed and applied. */
    void restore(Snapshot snapshot) {
        entries.clear();
        offset = snapshot.index();
        offsetTerm = snapshot.term();
        committed = snapshot.index();
        applied = snapshot.index();
        stabled = snapshot.index();
        pendingSnapshot = snapshot;
    }

    /** The snapshot the host must install before anything else, or null. */
    Snapshot pendingSnapshot() {
        return pendingSnapshot;
    }
}
