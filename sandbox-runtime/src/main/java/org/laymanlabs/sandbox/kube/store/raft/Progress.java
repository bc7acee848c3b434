package org.laymanlabs.sandbox.kube.store.raft;

/**
 * Mirrors etcd-io/raft tracker/progress.go: the leader's view of one follower (Figure 2's
 * nextIndex and matchIndex). While probing it sends one AppendEntries at a time and backs off on
 * rejection; once a probe matches it streams entries optimistically.
 */
final class Progress {

    long match;
    long next;
    boolean replicating;
    boolean paused;
    boolean recentActive;

    Progress(long next) {
        this.next = next;
    }

    void sentEntriesUpTo(long last) {
        if (replicating) {
            next = Math.max(next, last + 1);
        } else {
            paused = true;
        }
    }

    /** A successful response: returns whether the follower's match advanced. */
    boolean matched(long index) {
        paused = false;
        boolean advanced = index > match;
        match = Math.max(match, index);
        next = Math.max(next, index + 1);
        replicating = true;
        return advanced;
    }

    /**
     * A rejection of {@code rejected}: move nextIndex back toward {@code hint} (§5.3 "decrement
     * nextIndex and retry"). Returns false for a stale rejection that should be ignored.
     */
    boolean backOff(long rejected, long hint) {
        if (replicating) {
            if (rejected <= match) {
                return false;
            }
            replicating = false;
            next = match + 1;
            return true;
        }
        if (next - 1 != rejected) {
            return false;
        }
        next = Math.max(Math.min(rejected, hint + 1), match + 1);
        paused = false;
        return true;
    }
}
