package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.Sandbox;

/**
 * What sessions need from the labs and the grader: how to build a lab's sandbox and how to check
 * a step in it. The lab package binds this to its lab format and {@code Grader}; sessions know
 * neither. Both must be deterministic, because a snapshot is replayed through them.
 */
public interface LabSandboxes {

    /** The lab's sandbox as its spec builds it (nodes, images, manifests, starter files), untouched. */
    Sandbox create(String labId, long seed, Instant startTime);

    /** Runs a step's checks on the sandbox's own thread. Never throws; a broken sandbox fails checks. */
    List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox);

    /**
     * Begins a later step in the sandbox: its starter files appear and its faults strike. Runs
     * live and again on every replay of the step's marker, so it must be deterministic too. The
     * first step needs none: {@link #create} begins it.
     */
    default void beginStep(String labId, String stepId, Sandbox sandbox) {
    }

    /** One check's verdict, as the grader words it for the learner. */
    record CheckOutcome(String checkId, boolean passed, String message) {
    }
}
