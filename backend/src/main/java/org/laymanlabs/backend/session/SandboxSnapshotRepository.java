package org.laymanlabs.backend.session;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Saved sandboxes, one per attempt. */
public interface SandboxSnapshotRepository extends CrudRepository<SandboxSnapshot, UUID> {
}
