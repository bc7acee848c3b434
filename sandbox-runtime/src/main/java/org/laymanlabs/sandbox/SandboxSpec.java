package org.laymanlabs.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * How to build a sandbox. Later releases add the cluster shape a lab asks for (nodes, images,
 * manifests, faults); today it fixes what makes a sandbox reproducible.
 *
 * @param seed      the seed of the sandbox's random source, so that a lab replays identically
 * @param startTime the instant the learner's session starts at, on the sandbox's virtual clock (its
 *                  cluster has booted in the minute before)
 */
public record SandboxSpec(long seed, Instant startTime) {

    public SandboxSpec {
        Objects.requireNonNull(startTime, "startTime");
    }

    /** The shape the REPL starts when no lab is named, with its clock starting at {@code start}. */
    public static SandboxSpec defaults(Instant start) {
        return new SandboxSpec(1L, start);
    }
}
