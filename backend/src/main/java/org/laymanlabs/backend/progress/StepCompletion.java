package org.laymanlabs.backend.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A step of an attempt whose checks all passed, and when they first did. */
@Entity
@Table(name = "step_completion")
public class StepCompletion {

    @Id
    private UUID id;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(name = "step_id", nullable = false, length = 100)
    private String stepId;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    protected StepCompletion() {
    }

    StepCompletion(UUID attemptId, String stepId, Instant completedAt) {
        this.id = UUID.randomUUID();
        this.attemptId = attemptId;
        this.stepId = stepId;
        this.completedAt = completedAt;
    }

    public String stepId() {
        return stepId;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
