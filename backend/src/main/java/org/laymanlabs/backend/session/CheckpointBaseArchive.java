package org.laymanlabs.backend.session;

import java.time.Clock;
import java.util.Optional;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.CheckpointRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps in the database each base a checkpoint was compressed against, and reads it back for a
 * checkpoint whose base this JVM does not hold ({@link CheckpointBases}): after a restart, or when
 * another replica evicted the sandbox. Each base is stored once, in a transaction of its own, so
 * that two servers storing the same base at once cost one of them nothing but a duplicate key.
 */
@Service
class CheckpointBaseArchive {

    private static final Logger log = LoggerFactory.getLogger(CheckpointBaseArchive.class);

    private final CheckpointBaseRepository bases;
    private final Clock clock;

    CheckpointBaseArchive(CheckpointBaseRepository bases, ObjectProvider<Clock> clock) {
        this.bases = bases;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Stores {@code base} of a lab unless it is stored, and forgets the lab's bases that no checkpoint needs any more. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void keep(String labId, long seed, CheckpointBase base) {
        if (!bases.existsById(base.id())) {
            bases.save(new StoredCheckpointBase(base.id(), labId, seed, base.stored(), clock.instant()));
            bases.deleteUnused(labId, seed, base.id());
        }
    }

    /** The base stored under {@code id}, if it is there and whole. */
    @Transactional(readOnly = true)
    public Optional<CheckpointBase> find(long id) {
        return bases.findById(id).flatMap(stored -> {
            try {
                return Optional.of(CheckpointBase.fromStored(stored.base()));
            } catch (CheckpointRefused e) {
                log.warn("The stored checkpoint base {} cannot be read ({}); its checkpoints give way to their journals", id, e.getMessage());
                return Optional.empty();
            }
        });
    }
}
