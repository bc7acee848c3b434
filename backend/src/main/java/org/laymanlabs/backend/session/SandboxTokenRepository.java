package org.laymanlabs.backend.session;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Issued tokens by hash and by attempt. */
interface SandboxTokenRepository extends CrudRepository<SandboxToken, String> {

    List<SandboxToken> findByAttemptId(UUID attemptId);
}
