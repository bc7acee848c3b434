package org.laymanlabs.sandbox;

/**
 * How to build a sandbox. Later releases add the cluster shape a lab asks for (nodes, images,
 * manifests, faults); today it fixes only the seed that makes a sandbox reproducible.
 *
 * @param seed the seed of the sandbox's random source, so that a lab replays identically
 */
public record SandboxSpec(long seed) {

    /** The shape the REPL starts when no lab is named. */
    public static SandboxSpec defaults() {
        return new SandboxSpec(1L);
    }
}
