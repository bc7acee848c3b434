package org.laymanlabs.backend.session;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Saved sandboxes, one per learner and lab. */
public interface SandboxSnapshotRepository extends CrudRepository<SandboxSnapshot, UUID> {

    Optional<SandboxSnapshot> findByOwnerAndLabId(String owner, String labId);
}
