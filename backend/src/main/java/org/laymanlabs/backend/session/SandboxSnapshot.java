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
