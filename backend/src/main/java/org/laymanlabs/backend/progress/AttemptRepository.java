package org.laymanlabs.backend.progress;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Lab attempts; the one a learner works in is the one not ended. */
public interface AttemptRepository extends CrudRepository<LabAttempt, UUID> {

    Optional<LabAttempt> findByAccountIdAndLabIdAndEndedAtIsNull(UUID accountId, String labId);

    List<LabAttempt> findByAccountIdOrderByStartedAt(UUID accountId);

    List<LabAttempt> findByAccountIdInAndEndedAtIsNull(Collection<UUID> accountIds);
}
