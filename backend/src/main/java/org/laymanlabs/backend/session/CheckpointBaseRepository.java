package org.laymanlabs.backend.session;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

/** The checkpoint bases the stored checkpoints were compressed against. */
interface CheckpointBaseRepository extends CrudRepository<StoredCheckpointBase, Long> {

    /** The lab's other bases that no saved sandbox's checkpoint names any more: superseded by {@code kept}. */
    @Modifying
    @Query("delete from StoredCheckpointBase b where b.labId = ?1 and b.seed = ?2 and b.id <> ?3"
            + " and not exists (select 1 from SandboxSnapshot s where s.checkpointBase = b.id)")
    int deleteUnused(String labId, long seed, long kept);
}
