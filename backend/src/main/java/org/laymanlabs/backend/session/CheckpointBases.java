package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;

/**
 * The base each lab's checkpoints are compressed against ({@link CheckpointBase}): the lab's sandbox
 * as it is built, at a fixed instant. Built on a lab's first eviction or restore, then kept: about
 * half a megabyte per lab. A checkpoint is read with the base it names, which may be one another
 * JVM built: {@link SessionStore} fetches that one from the database first.
 */
final class CheckpointBases {

    /** Any fixed instant does: a learner's sandbox starts at another one and still shares most of its bytes. */
    static final Instant BUILT_AT = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * One base per lab and seed in this JVM, whichever LabSandboxes asks (a restarted application
     * context has a new one): a base built again is not always the same bytes, and each one built
     * is another row in the database ({@link CheckpointBaseArchive}).
     */
    private static final Map<Key, CheckpointBase> BASES = new ConcurrentHashMap<>();
    /** Every base this JVM holds, by the id checkpoints name it by: those it built, and those read back from the database. */
    private static final Map<Long, CheckpointBase> BY_ID = new ConcurrentHashMap<>();

    private record Key(Class<?> builder, String labId, long seed) {
    }

    private CheckpointBases() {
    }

    /** The base of {@code labId} with {@code seed}, as {@code labs} builds it. */
    static CheckpointBase forLab(LabSandboxes labs, String labId, long seed) {
        return BASES.computeIfAbsent(new Key(labs.getClass(), labId, seed), key -> {
            CheckpointBase built = Checkpoints.base(labs.create(labId, seed, BUILT_AT));
            BY_ID.putIfAbsent(built.id(), built);
            return built;
        });
    }

    /** The base with this id, if this JVM built it or read it back. */
    static Optional<CheckpointBase> byId(long id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** A base read back from the database, for the checkpoints that name it. */
    static void adopt(CheckpointBase base) {
        BY_ID.putIfAbsent(base.id(), base);
    }

    /** Forgets every base, as a JVM that starts afresh knows none: for tests of a restart in one JVM. */
    static void forgetAll() {
        BASES.clear();
        BY_ID.clear();
    }
}
