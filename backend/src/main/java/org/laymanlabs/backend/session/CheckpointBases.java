package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;

/**
 * The base each lab's checkpoints are compressed against ({@link CheckpointBase}): the lab's sandbox
 * as it is built, at a fixed instant so that every server of a build makes the same one. Built on a
 * lab's first eviction or restore, then kept: about half a megabyte per lab.
 */
final class CheckpointBases {

    /** Any fixed instant does: a learner's sandbox starts at another one and still shares most of its bytes. */
    static final Instant BUILT_AT = Instant.parse("2026-01-01T00:00:00Z");

    private static final Map<LabSandboxes, CheckpointBases> BY_LABS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Key(String labId, long seed) {
    }

    private final LabSandboxes labs;
    private final Map<Key, CheckpointBase> bases = new ConcurrentHashMap<>();

    private CheckpointBases(LabSandboxes labs) {
        this.labs = labs;
    }

    /** The bases of the labs {@code labs} builds, shared by every sandbox built with it. */
    static CheckpointBases of(LabSandboxes labs) {
        return BY_LABS.computeIfAbsent(labs, CheckpointBases::new);
    }

    CheckpointBase forLab(String labId, long seed) {
        return bases.computeIfAbsent(new Key(labId, seed), key -> Checkpoints.base(labs.create(labId, seed, BUILT_AT)));
    }
}
