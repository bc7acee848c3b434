package org.laymanlabs.sandbox.image.build;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.container.RootFileSystem;
import org.laymanlabs.sandbox.image.Layer;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.DiffBuilder;
import org.laymanlabs.sandbox.image.fs.Directory;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.Symlink;
import org.laymanlabs.sandbox.image.packages.Distro;
import org.laymanlabs.sandbox.image.packages.InstalledFiles;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Runs one RUN instruction the way the classic builder does: a container from the parent image
 * (its layers, shared, under a fresh writable layer), {@code /bin/sh -c} with the stage's ENV and
 * ARGs in the working directory, and the writable layer becomes the step's layer. Mirrors moby
 * builder/dockerfile dispatchers.go dispatchRun and containerbackend.go Run.
 */
final class RunStep {

    /** What the container printed, its status, and its changes as a layer diff. */
    record Outcome(String output, int exitCode, Diff changes) {
    }

    private RunStep() {
    }

    static Outcome run(StageState state, List<String> command, boolean shellForm, VirtualClock clock) {
        List<Diff> layers = state.image == null ? List.of() : state.image.layers().stream().map(Layer::diff).toList();
        RootFileSystem root = new RootFileSystem(layers, "/root", state.image == null ? clock.now() : state.image.created(),
                clock::now);
        String program = shellForm ? state.shell.get(0) : command.get(0);
        if (!root.exists(program) && !ContainerPrograms.onPath(root, program)) {
            throw BuildFailure.of("failed to create task for container: failed to create shim task: OCI runtime create"
                    + " failed: runc create failed: unable to start container process: exec: \"" + program + "\": "
                    + (program.startsWith("/") ? "stat " + program + ": no such file or directory"
                    : "executable file not found in $PATH") + ": unknown");
        }
        Optional<Distro> distro = Distro.detect(root);
        InstalledFiles installed = new InstalledFiles();
        CommandLineShell shell = new CommandLineShell(ContainerPrograms.forRoot(root, distro, installed), root, "root");
        prepare(shell, state);
        CommandResult result = shell.run(shellForm ? command.get(0) : quoted(command));
        boolean busybox = distro.map(Distro::hasBusybox).orElse(false);
        StringBuilder output = new StringBuilder();
        for (OutputChunk chunk : result.output()) {
            output.append(chunk.stream() == OutputChunk.Stream.STDOUT ? chunk.text() : red(dialect(chunk.text(), busybox)));
        }
        return new Outcome(output.toString(), result.exitCode(), withInstalled(root, installed));
    }

    /**
     * The daemon streams a RUN step's stdout and stderr into the build output in the order they
     * were written, each stderr write in bright red (moby pkg/streamformatter NewStderrWriter);
     * the client prints both on its stdout.
     */
    private static String red(String stderr) {
        return "\033[91m" + stderr + "\033[0m";
    }

    private static void prepare(CommandLineShell shell, StageState state) {
        for (String entry : state.config.env()) {
            assign(shell, entry);
        }
        state.runArgs().forEach(pair -> assign(shell, pair));
        String workdir = state.config.workingDir();
        if (!workdir.isEmpty()) {
            shell.run("cd " + singleQuoted(workdir));
        }
    }

    private static void assign(CommandLineShell shell, String pair) {
        int eq = pair.indexOf('=');
        shell.run(pair.substring(0, eq) + "=" + singleQuoted(pair.substring(eq + 1)));
    }

    private static String quoted(List<String> argv) {
        return String.join(" ", argv.stream().map(RunStep::singleQuoted).toList());
    }

    private static String singleQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The sandbox shell speaks bash; /bin/sh in an image is dash ("/bin/sh: 1: foo: not found") or BusyBox ash. */
    static String dialect(String stderr, boolean busybox) {
        String prefix = busybox ? "/bin/sh: " : "/bin/sh: 1: ";
        return stderr.replaceAll("(?m)^bash: (.+): command not found$", prefix + "$1: not found")
                .replaceAll("(?m)^bash: ", prefix);
    }

    /** The writable layer, with the real binaries and links the package managers recorded in place of their stand-ins. */
    private static Diff withInstalled(RootFileSystem root, InstalledFiles installed) {
        if (installed.entries().isEmpty() && installed.unlistedBytes() == 0) {
            return root.changes();
        }
        DiffBuilder builder = Diff.builder();
        root.changes().walk((path, node) -> {
            if (node instanceof Directory dir) {
                builder.dir(path.toString(), dir.mode(), dir.uid(), dir.gid());
            } else {
                builder.node(path.toString(), node);
            }
        });
        for (InstalledFiles.Entry entry : installed.entries()) {
            if (!root.exists(entry.path()) && !(entry instanceof InstalledFiles.Link)) {
                continue;
            }
            if (entry instanceof InstalledFiles.Binary binary) {
                builder.node(binary.path(), new RegularFile(new FileContent.Binary(binary.kind(), binary.size()),
                        binary.mode(), 0, 0));
            } else if (entry instanceof InstalledFiles.Link link) {
                builder.node(link.path(), Symlink.to(link.target()));
            }
        }
        return builder.unlisted(installed.unlistedBytes()).build();
    }
}
