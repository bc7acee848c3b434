package org.laymanlabs.backend.session;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

/** Stored workspace files per attempt. */
interface WorkspaceFileRepository extends CrudRepository<WorkspaceFile, UUID> {

    /** Written out, so that Hibernate caches its plan: every saved input reads it (see {@code AccountRepository}). */
    @Query("select f from WorkspaceFile f where f.attemptId = ?1 order by f.path")
    List<WorkspaceFile> findByAttemptIdOrderByPath(UUID attemptId);

    @Modifying
    @Query("delete from WorkspaceFile f where f.attemptId = ?1")
    void deleteAll(UUID attemptId);
}
