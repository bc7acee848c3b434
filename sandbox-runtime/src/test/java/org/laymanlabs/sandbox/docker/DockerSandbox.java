package org.laymanlabs.sandbox.docker;

import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/** A learner machine with only the docker command, its clock set to 12 June 2025, 10:00 UTC. */
final class DockerSandbox {

    static final Instant NOW = Instant.parse("2025-06-12T10:00:00Z");

    final VirtualClock clock = new VirtualClock(NOW);
    final Daemon daemon;
    final CommandLineShell shell;

    DockerSandbox() {
        this(ContainerUsage.none());
    }

    DockerSandbox(ContainerUsage containers) {
        daemon = Daemon.forSandbox(clock, containers);
        shell = new CommandLineShell(List.of(DockerCommand.withImageCommands(daemon)));
    }

    CommandResult run(String line) {
        return shell.run(line);
    }

    /** Runs a line that must succeed, and returns its output. */
    String ok(String line) {
        CommandResult result = shell.run(line);
        if (result.exitCode() != 0) {
            throw new AssertionError(line + " failed with " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }
}
