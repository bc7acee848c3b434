package org.laymanlabs.backend.progress;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Completed steps per attempt. */
public interface StepCompletionRepository extends CrudRepository<StepCompletion, UUID> {

    List<StepCompletion> findByAttemptIdOrderByCompletedAt(UUID attemptId);

    boolean existsByAttemptIdAndStepId(UUID attemptId, String stepId);

    void deleteByAttemptIdAndStepId(UUID attemptId, String stepId);
}
