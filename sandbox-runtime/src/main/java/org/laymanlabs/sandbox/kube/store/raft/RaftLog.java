package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors etcd-io/raft log.go (raftLog): the entries, 1-indexed, with the commit and apply marks
 * and how far the entries are already on disk.
 */
final class RaftLog {

    private final List<Entry> entries = new ArrayList<>();
    private long committed;
    private long applied;
    private long stabled;

    RaftLog(List<Entry> persisted, long committed, long applied) {
        entries.addAll(persisted);
        this.stabled = persisted.size();
        this.committed = committed;
        this.applied = Math.min(applied, committed);
    }

    long lastIndex() {
        return entries.size();
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

    /** The term of the entry at {@code index}: 0 before the log, -1 past its end. */
    long term(long index) {
        if (index == 0) {
            return 0;
        }
        return index > lastIndex() ? -1 : entries.get((int) index - 1).term();
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
            entries.subList((int) index - 1, entries.size()).clear();
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
        return List.copyOf(entries.subList((int) Math.max(from, 1) - 1, entries.size()));
    }

    List<Entry> unstable() {
        return hasUnstable() ? List.copyOf(entries.subList((int) stabled, entries.size())) : List.of();
    }

    /** etcd-io/raft unstable: entries appended since the host last persisted. */
    boolean hasUnstable() {
        return stabled < entries.size();
    }

    List<Entry> nextCommitted() {
        return hasNextCommitted() ? List.copyOf(entries.subList((int) applied, (int) committed)) : List.of();
    }

    /** etcd-io/raft hasNextCommittedEnts: committed entries the host has not applied yet. */
    boolean hasNextCommitted() {
        return committed > applied;
    }

    void markStableAndApplied() {
        stabled = lastIndex();
        applied = committed;
    }
}
