package org.laymanlabs.backend.progress;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Check runs per attempt, oldest first. */
public interface CheckRunRepository extends CrudRepository<CheckRun, UUID> {

    List<CheckRun> findByAttemptIdOrderByRanAt(UUID attemptId);

    long countByAttemptId(UUID attemptId);
}
