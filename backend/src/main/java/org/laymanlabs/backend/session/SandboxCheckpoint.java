package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.checkpoint.CheckpointRefused;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;

/**
 * A sandbox's whole state as it stood after the first {@code entries} inputs of its journal, at the
 * virtual instant {@code sandboxTime} ({@link org.laymanlabs.sandbox.checkpoint.Checkpoints}). A
 * restore loads it and replays only the inputs after it; the {@code fingerprint} of the journal's
 * first {@code entries} inputs tells whether the journal it is restored with is still the one it
 * was taken from (a reset step rewinds the journal, and the checkpoint then no longer fits).
 */
public record SandboxCheckpoint(byte[] bytes, int entries, Instant sandboxTime, long fingerprint) {

    public SandboxCheckpoint {
        Objects.requireNonNull(bytes, "bytes");
        // As the database keeps it, so that a checkpoint read back still matches its sandbox's clock.
        sandboxTime = SessionStore.asStored(Objects.requireNonNull(sandboxTime, "sandboxTime"));
    }

    /** A checkpoint of the sandbox that {@code journal} describes, taken at the journal's present. */
    public static SandboxCheckpoint of(byte[] bytes, SandboxJournal journal) {
        return new SandboxCheckpoint(bytes, journal.entries().size(), journal.now(),
                SnapshotCodec.fingerprint(journal, journal.entries().size()));
    }

    /**
     * The id of the base the checkpoint was compressed against ({@link CheckpointBaseArchive}), 0 for
     * none, or for bytes that are not a checkpoint at all (which a restore refuses anyway).
     */
    public long baseId() {
        try {
            return Checkpoints.baseId(bytes);
        } catch (CheckpointRefused e) {
            return 0;
        }
    }

    /** Whether this checkpoint is a point on {@code journal}'s way: the same first inputs, in time before the rest. */
    public boolean fits(SandboxJournal journal) {
        List<JournalEntry> inputs = journal.entries();
        if (entries > inputs.size() || sandboxTime.isAfter(SessionStore.asStored(journal.now()))) {
            return false;
        }
        if (entries > 0 && SessionStore.asStored(inputs.get(entries - 1).at()).isAfter(sandboxTime)) {
            return false;
        }
        if (entries < inputs.size() && SessionStore.asStored(inputs.get(entries).at()).isBefore(sandboxTime)) {
            return false;
        }
        return SnapshotCodec.fingerprint(journal, entries) == fingerprint;
    }
}
