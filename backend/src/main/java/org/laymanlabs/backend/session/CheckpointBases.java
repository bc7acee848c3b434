package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;

/**
 * The base each lab's checkpoints are compressed against ({@link CheckpointBase}): the lab's sandbox
 * as it is built, at a fixed instant. Built on a lab's first eviction or restore, then kept: about
 * half a megabyte per lab.
 */
final class CheckpointBases {

    /** Any fixed instant does: a learner's sandbox starts at another one and still shares most of its bytes. */
    static final Instant BUILT_AT = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * One base per lab and seed in this JVM, whichever LabSandboxes asks (a restarted application
     * context has a new one): two builds of the same sandbox are not yet written to the same bytes
     * (identity maps iterate by identity hash), so a base built again would not be the one a
     * checkpoint names, and that checkpoint would be replayed from its journal instead.
     */
    private static final Map<Key, CheckpointBase> BASES = new ConcurrentHashMap<>();

    private record Key(Class<?> builder, String labId, long seed) {
    }

    private CheckpointBases() {
    }

    /** The base of {@code labId} with {@code seed}, as {@code labs} builds it. */
    static CheckpointBase forLab(LabSandboxes labs, String labId, long seed) {
        return BASES.computeIfAbsent(new Key(labs.getClass(), labId, seed),
                key -> Checkpoints.base(labs.create(labId, seed, BUILT_AT)));
    }
}
