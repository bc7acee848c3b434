package org.laymanlabs.backend.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The last saved state of one attempt's sandbox, so that a refresh, a logout or a server restart
 * loses nothing (DESIGN.md, "Sessions"). The state is the sandbox's journal, gzip-compressed JSON
 * ({@link SnapshotCodec}); it is rewritten after every input.
 */
@Entity
@Table(name = "sandbox_snapshot")
public class SandboxSnapshot {

    @Id
    @Column(name = "attempt_id")
    private UUID attemptId;

    @Column(nullable = false)
    private byte[] state;

    /** How many inputs the journal holds: a save never replaces a longer journal with a shorter one by mistake. */
    @Column(nullable = false)
    private int entries;

    @Column(name = "sandbox_time", nullable = false)
    private Instant sandboxTime;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    /** The sandbox's checkpoint (SandboxCheckpoint), when it has one that this journal still holds. */
    private byte[] checkpoint;

    @Column(name = "checkpoint_entries")
    private Integer checkpointEntries;

    @Column(name = "checkpoint_time")
    private Instant checkpointTime;

    @Column(name = "checkpoint_fingerprint")
    private Long checkpointFingerprint;

    /** The id of the base the checkpoint was compressed against (StoredCheckpointBase), 0 for none. */
    @Column(name = "checkpoint_base")
    private Long checkpointBase;

    @Version
    private long version;

    protected SandboxSnapshot() {
    }

    SandboxSnapshot(UUID attemptId) {
        this.attemptId = Objects.requireNonNull(attemptId, "attemptId");
    }

    void replace(byte[] state, int entries, Instant sandboxTime, Instant savedAt) {
        this.state = state.clone();
        this.entries = entries;
        this.sandboxTime = sandboxTime;
        this.savedAt = savedAt;
    }

    /** Keeps {@code taken} beside the journal; null keeps the one there is, unless the journal is now shorter than it covers. */
    void keepCheckpoint(SandboxCheckpoint taken) {
        if (taken != null) {
            checkpoint = taken.bytes().clone();
            checkpointEntries = taken.entries();
            checkpointTime = taken.sandboxTime();
            checkpointFingerprint = taken.fingerprint();
            checkpointBase = taken.baseId();
        } else if (checkpointEntries != null && checkpointEntries > entries) {
            checkpoint = null;
            checkpointEntries = null;
            checkpointTime = null;
            checkpointFingerprint = null;
            checkpointBase = null;
        }
    }

    java.util.Optional<SandboxCheckpoint> checkpoint() {
        if (checkpoint == null || checkpointEntries == null || checkpointTime == null || checkpointFingerprint == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SandboxCheckpoint(checkpoint.clone(), checkpointEntries, checkpointTime,
                checkpointFingerprint));
    }

    public UUID attemptId() {
        return attemptId;
    }

    public byte[] state() {
        return state.clone();
    }

    public int entries() {
        return entries;
    }

    public Instant sandboxTime() {
        return sandboxTime;
    }

    public Instant savedAt() {
        return savedAt;
    }
}
