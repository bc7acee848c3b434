package org.laymanlabs.sandbox.kube.store.raft;

import java.util.List;

/**
 * Mirrors etcd-io/raft Ready: everything the node asks of its host since the last call, in the
 * order the host must do it: persist the hard state and entries, send the messages, apply the
 * committed entries, serve the reads. A snapshot from the leader (§7), when there is one, comes
 * first: the host installs it before it persists or applies anything else.
 */
public record Ready(HardState hardState, List<Entry> entries, List<Message> messages,
                    List<Entry> committedEntries, List<ReadState> readStates, Snapshot snapshot) {

    public Ready {
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        committedEntries = List.copyOf(committedEntries);
        readStates = List.copyOf(readStates);
    }

    public boolean isEmpty() {
        return entries.isEmpty() && messages.isEmpty() && committedEntries.isEmpty() && readStates.isEmpty()
                && snapshot.index() == 0;
    }
}
