package org.laymanlabs.backend.progress;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Hints revealed per attempt. */
public interface HintUseRepository extends CrudRepository<HintUse, UUID> {

    List<HintUse> findByAttemptIdOrderByHintIndex(UUID attemptId);

    long countByAttemptIdAndStepId(UUID attemptId, String stepId);
}
