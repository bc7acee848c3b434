package org.laymanlabs.backend.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One learner's try at one lab, and the sandbox that goes with it. Resetting the whole lab ends
 * the attempt and starts the next, so earlier check runs stay on record.
 */
@Entity
@Table(name = "lab_attempt")
public class LabAttempt {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "lab_id", nullable = false, length = 100)
    private String labId;

    /** The sandbox's random seed: the same for every replay of this attempt. */
    @Column(nullable = false)
    private long seed;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected LabAttempt() {
    }

    LabAttempt(UUID accountId, String labId, long seed, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.labId = Objects.requireNonNull(labId, "labId");
        this.seed = seed;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public String labId() {
        return labId;
    }

    public long seed() {
        return seed;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public boolean isActive() {
        return endedAt == null;
    }

    void complete(Instant at) {
        if (completedAt == null) {
            completedAt = at;
        }
    }

    void end(Instant at) {
        endedAt = at;
    }
}
