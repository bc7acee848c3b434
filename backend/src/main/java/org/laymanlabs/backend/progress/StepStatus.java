package org.laymanlabs.backend.progress;

import java.time.Instant;

/**
 * Where a learner stands on one step.
 *
 * @param completedAt when its checks first all passed, or null
 */
public record StepStatus(String stepId, String title, boolean completed, Instant completedAt, int checkRuns,
                         int hintsUsed, int hintsAvailable) {
}
