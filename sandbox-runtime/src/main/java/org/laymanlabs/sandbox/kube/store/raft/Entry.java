package org.laymanlabs.sandbox.kube.store.raft;

import java.util.Objects;

/** One log entry (Raft paper Figure 2): the term of the leader that created it, its 1-based index, and its command. */
public record Entry(long term, long index, Command command) {

    public Entry {
        Objects.requireNonNull(command, "command");
        if (term < 0 || index < 1) {
            throw new IllegalArgumentException("bad entry term " + term + " index " + index);
        }
    }
}
