package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.time.Instant;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/** The default sandbox, with the learner's laptop and its Docker engine, clock at 12 June 2025 10:00 UTC. */
final class LaptopSandbox {

    final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2025-06-12T10:00:00Z")));

    CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    String ok(String line) {
        CommandResult result = run(line);
        if (result.exitCode() != 0) {
            throw new AssertionError(line + " failed with " + result.exitCode() + ": " + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    void advance(Duration by) {
        sandbox.clock().advance(by);
    }
}
