package org.laymanlabs.backend.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt's progress, step by step, as the learner's page and the classroom report show it.
 *
 * @param completedAt when the last step was completed, or null
 */
public record AttemptProgress(UUID attemptId, UUID accountId, String labId, Instant startedAt, Instant completedAt,
                              boolean active, List<StepStatus> steps) {

    public AttemptProgress {
        steps = List.copyOf(steps);
    }

    public long stepsCompleted() {
        return steps.stream().filter(StepStatus::completed).count();
    }

    public int hintsUsed() {
        return steps.stream().mapToInt(StepStatus::hintsUsed).sum();
    }

    public int checkRuns() {
        return steps.stream().mapToInt(StepStatus::checkRuns).sum();
    }
}
