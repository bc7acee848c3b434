package org.laymanlabs.sandbox;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * One learner's sandbox for one lab: the simulated machine and cluster, reached through its shell.
 * This is the runtime's public face (DESIGN.md, "The sandbox"); everything else is internal.
 */
public final class Sandbox {

    private final SandboxSpec spec;
    private final VirtualClock clock;
    private final RandomGenerator random;
    private final Shell shell;

    private Sandbox(SandboxSpec spec) {
        this.spec = spec;
        this.clock = new VirtualClock(spec.startTime());
        this.random = new SplittableRandom(spec.seed());
        this.shell = CommandLineShell.withBuiltins();
    }

    public static Sandbox create(SandboxSpec spec) {
        return new Sandbox(Objects.requireNonNull(spec, "spec"));
    }

    public SandboxSpec spec() {
        return spec;
    }

    public Shell shell() {
        return shell;
    }

    /** The sandbox's own time; nothing inside reads the wall clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** The sandbox's seeded random source (load balancing, IDs), so that runs replay exactly. */
    public RandomGenerator random() {
        return random;
    }
}
