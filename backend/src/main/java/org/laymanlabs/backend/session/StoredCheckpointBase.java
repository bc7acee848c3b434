package org.laymanlabs.backend.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A checkpoint base as the database keeps it ({@link org.laymanlabs.sandbox.checkpoint.CheckpointBase#stored()}),
 * under the id its checkpoints name it by: so that a checkpoint can still be read after a restart,
 * or by another replica, whose base built again is other bytes.
 */
@Entity
@Table(name = "checkpoint_base")
class StoredCheckpointBase {

    @Id
    private long id;

    @Column(name = "lab_id", nullable = false)
    private String labId;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false)
    private byte[] base;

    @Column(name = "stored_at", nullable = false)
    private Instant storedAt;

    protected StoredCheckpointBase() {
    }

    StoredCheckpointBase(long id, String labId, long seed, byte[] base, Instant storedAt) {
        this.id = id;
        this.labId = labId;
        this.seed = seed;
        this.base = base.clone();
        this.storedAt = storedAt;
    }

    byte[] base() {
        return base.clone();
    }
}
