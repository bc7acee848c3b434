package org.laymanlabs.backend.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sandbox as the database holds it, to restore: its journal, the checkpoint stored beside it if
 * any, and the scrollback saved with the journal's last input (a restore from a checkpoint does not
 * replay the inputs before it, so it cannot rebuild their lines).
 */
public record StoredSandbox(SandboxJournal journal, Optional<SandboxCheckpoint> checkpoint, List<HistoryLine> history) {

    public StoredSandbox {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(checkpoint, "checkpoint");
        history = List.copyOf(history);
    }

    /** Only a journal: restored by replaying it whole. */
    public static StoredSandbox journalOnly(SandboxJournal journal) {
        return new StoredSandbox(journal, Optional.empty(), List.of());
    }
}
