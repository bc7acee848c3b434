package org.laymanlabs.sandbox;

import java.util.Objects;
import org.laymanlabs.sandbox.shell.CommandLineShell;

/**
 * One learner's sandbox for one lab: the simulated machine and cluster, reached through its shell.
 * This is the runtime's public face (DESIGN.md, "The sandbox"); everything else is internal.
 */
public final class Sandbox {

    private final SandboxSpec spec;
    private final Shell shell;

    private Sandbox(SandboxSpec spec) {
        this.spec = spec;
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
}
