package org.laymanlabs.sandbox.image.build;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.docker.Daemon;
import org.laymanlabs.sandbox.docker.DockerCommand;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

/** A learner's laptop with a workspace and docker (images and build), its clock at 12 June 2025, 10:00 UTC, seed 7. */
final class BuildSandbox {

    final VirtualClock clock = new VirtualClock(Instant.parse("2025-06-12T10:00:00Z"));
    final Daemon daemon = Daemon.forSandbox(clock, ContainerUsage.none());
    final Workspace workspace = new Workspace();
    final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(
            List.of(DockerCommand.withImageAndBuildCommands(daemon, new SplittableRandom(7))), workspace);

    /** Writes a file in the learner's home, making its directory. */
    BuildSandbox file(String path, String text) {
        String absolute = Workspace.HOME + "/" + path;
        workspace.mkdir(absolute.substring(0, absolute.lastIndexOf('/')), true);
        workspace.write(absolute, text);
        return this;
    }

    CommandResult run(String line) {
        return shell.run(line);
    }

    String ok(String line) {
        CommandResult result = shell.run(line);
        if (result.exitCode() != 0) {
            throw new AssertionError(line + " failed with " + result.exitCode() + ":\n" + result.stdout() + result.stderr());
        }
        return result.stdout();
    }
}
