package org.laymanlabs.backend.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.laymanlabs.backend.progress.AttemptProgress;

/**
 * One row of an instructor's progress grid: a member and a lab, with their attempt in
 * progress (empty when they have not started it) and the last time they pressed "Check my work".
 */
public record GridRow(String username, String labId, Optional<AttemptProgress> attempt, Optional<LastCheck> lastCheck) {

    /** The last check run on the attempt: on which step, whether every check passed, and when. */
    public record LastCheck(String stepId, boolean passed, Instant ranAt) {
    }

    /** From starting the lab to completing it, or else to the last check: how long the learner has worked on it so far. */
    public Duration time() {
        return attempt.map(a -> {
            Instant until = a.completedAt() != null ? a.completedAt()
                    : lastCheck.map(LastCheck::ranAt).orElse(a.startedAt());
            return until.isBefore(a.startedAt()) ? Duration.ZERO : Duration.between(a.startedAt(), until);
        }).orElse(Duration.ZERO);
    }
}
