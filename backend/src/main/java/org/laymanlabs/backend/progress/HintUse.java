package org.laymanlabs.backend.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A hint a learner revealed; hints come one at a time and each is counted. */
@Entity
@Table(name = "hint_use")
public class HintUse {

    @Id
    private UUID id;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(name = "step_id", nullable = false, length = 100)
    private String stepId;

    @Column(name = "hint_index", nullable = false)
    private int hintIndex;

    @Column(name = "used_at", nullable = false)
    private Instant usedAt;

    protected HintUse() {
    }

    HintUse(UUID attemptId, String stepId, int hintIndex, Instant usedAt) {
        this.id = UUID.randomUUID();
        this.attemptId = attemptId;
        this.stepId = stepId;
        this.hintIndex = hintIndex;
        this.usedAt = usedAt;
    }

    public String stepId() {
        return stepId;
    }

    public int hintIndex() {
        return hintIndex;
    }
}
