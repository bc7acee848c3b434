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
 * The last saved state of one learner's sandbox for one lab, so that a refresh, a logout or a
 * server restart loses nothing (DESIGN.md, "Sessions"). The state is the sandbox's snapshot,
 * gzip-compressed JSON.
 */
@Entity
@Table(name = "sandbox_snapshot")
public class SandboxSnapshot {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String owner;

    @Column(name = "lab_id", nullable = false, length = 100)
    private String labId;

    @Column(nullable = false)
    private byte[] state;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @Version
    private long version;

    protected SandboxSnapshot() {
    }

    public SandboxSnapshot(String owner, String labId, byte[] state, Instant savedAt) {
        this.id = UUID.randomUUID();
        this.owner = Objects.requireNonNull(owner, "owner");
        this.labId = Objects.requireNonNull(labId, "labId");
        replaceState(state, savedAt);
    }

    /** Records a newer snapshot of the same sandbox. */
    public void replaceState(byte[] state, Instant savedAt) {
        this.state = Objects.requireNonNull(state, "state").clone();
        this.savedAt = Objects.requireNonNull(savedAt, "savedAt");
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String labId() {
        return labId;
    }

    public byte[] state() {
        return state.clone();
    }

    public Instant savedAt() {
        return savedAt;
    }
}
