package org.laymanlabs.sandbox.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.build.BuildContext;
import org.laymanlabs.sandbox.image.build.BuildFailure;
import org.laymanlabs.sandbox.image.build.BuildOptions;
import org.laymanlabs.sandbox.image.build.ClassicBuilder;
import org.laymanlabs.sandbox.image.build.DockerfileParseException;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.shell.ShellContext;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * {@code docker build} with the classic builder, as docker CLI 28.2.2 runs it when buildx is not
 * installed. Mirrors docker/cli cli/command/image/build.go (runBuild: the context directory and
 * Dockerfile checks, "Sending build context to Docker daemon", -q printing only the ID, a failed
 * step's status as the exit code) and cmd/docker/builder.go (the DEPRECATED banner; with
 * DOCKER_BUILDKIT=1 the missing-buildx error).
 */
final class BuildCommand {

    static final String BUILDX_MISSING_WARNING = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
            + "            Install the buildx component to build images with BuildKit:\n"
            + "            https://docs.docker.com/go/buildx/\n\n";
    static final String BUILDKIT_DISABLED_WARNING = "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
            + "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n"
            + "            environment-variable.\n\n";
    static final String BUILDX_MISSING_ERROR = "ERROR: BuildKit is enabled but the buildx component is missing or broken.\n"
            + "       Install the buildx component to build images with BuildKit:\n"
            + "       https://docs.docker.com/go/buildx/\n";
    private static final String USE = "build [OPTIONS] PATH | URL | -";

    private final Daemon daemon;
    private final RandomGenerator random;

    private BuildCommand(Daemon daemon, RandomGenerator random) {
        this.daemon = daemon;
        this.random = random;
    }

    static void register(CommandTree.Builder tree, Daemon daemon, RandomGenerator random) {
        BuildCommand build = new BuildCommand(daemon, random);
        Subcommand.Action action = new Subcommand.Action() {
            @Override
            public CommandResult run(ParsedArgs args) {
                return DockerCommand.error("docker: build needs the shell it runs in");
            }

            @Override
            public CommandResult run(ParsedArgs args, Invocation invocation) {
                return build.run(args, invocation.shell());
            }
        };
        Subcommand command = new Subcommand(USE, "Build an image from a Dockerfile", List.of(),
                "docker image build, docker build, docker builder build", flags(), ArgsRule.exactly(1), 4, action);
        tree.command(command);
        tree.group("image", "Manage images").command("image", command.as(USE, List.of()));
    }

    private static List<Flag> flags() {
        return List.of(Flag.valued("build-arg", '\0', "list", "Set build-time variables"),
                Flag.string("file", 'f', "Name of the Dockerfile (Default is \"PATH/Dockerfile\")"),
                Flag.bool("force-rm", '\0', "Always remove intermediate containers"),
                Flag.valued("label", '\0', "list", "Set metadata for an image"),
                Flag.string("network", '\0', "Set the networking mode for the RUN instructions during build"),
                Flag.bool("no-cache", '\0', "Do not use cache when building the image"),
                Flag.string("platform", '\0', "Set platform if server is multi-platform capable"),
                Flag.bool("pull", '\0', "Always attempt to pull a newer version of the image"),
                Flag.bool("quiet", 'q', "Suppress the build output and print image ID on success"),
                Flag.bool("rm", '\0', true, "Remove intermediate containers after a successful build"),
                Flag.valued("tag", 't', "list", "Name and optionally a tag in the \"name:tag\" format"),
                Flag.string("target", '\0', "Set the target build stage to build."));
    }

    private CommandResult run(ParsedArgs args, ShellContext shell) {
        String buildkit = shell.variable("DOCKER_BUILDKIT").orElse("");
        if (buildkit.matches("1|t|T|true|TRUE|True")) {
            return CommandResult.error(BUILDX_MISSING_ERROR, 1);
        }
        String banner = buildkit.matches("0|f|F|false|FALSE|False") ? BUILDKIT_DISABLED_WARNING : BUILDX_MISSING_WARNING;
        for (String tag : args.all("tag")) {
            try {
                Reference.parse(tag);
            } catch (InvalidReferenceException e) {
                return CommandResult.error(banner + "invalid argument \"" + tag + "\" for \"-t, --tag\" flag: "
                        + e.getMessage() + "\n\nUsage:  docker " + USE + "\n\nRun 'docker build --help' for more information\n", 125);
            }
        }
        FileSystem files = shell.files();
        String contextDir = shell.resolve(args.arg(0));
        if (!files.isDirectory(contextDir)) {
            return CommandResult.error(banner + "unable to prepare context: path \"" + args.arg(0) + "\" not found\n", 1);
        }
        String dockerfile = args.string("file").isEmpty() ? child(contextDir, "Dockerfile") : shell.resolve(args.string("file"));
        if (!files.exists(dockerfile) || files.isDirectory(dockerfile)) {
            return CommandResult.error(banner + "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat "
                    + dockerfile + ": no such file or directory\n", 1);
        }
        String relative = dockerfile.startsWith(contextDir + "/") ? dockerfile.substring(contextDir.length() + 1) : "Dockerfile";
        BuildContext context = BuildContext.read(files, contextDir, relative);
        BuildOptions options = new BuildOptions(args.all("tag"), args.bool("no-cache"), buildArgs(args, shell),
                args.string("target"), args.bool("quiet"));
        return build(files.read(dockerfile), context, options, banner);
    }

    private CommandResult build(String dockerfile, BuildContext context, BuildOptions options, String banner) {
        StringBuilder out = new StringBuilder();
        out.append("Sending build context to Docker daemon ").append(String.format("%8s", Units.humanSize(context.tarSize())))
                .append("\n\n");
        ClassicBuilder builder = new ClassicBuilder(daemon.images(), daemon.puller(), daemon.clock(), random);
        try {
            Image image = builder.build(dockerfile, context, options, out);
            return printed(banner, options.quiet() ? image.id() + "\n" : out.toString(), "", 0);
        } catch (DockerfileParseException | DaemonException e) {
            return failed(options, out, banner, "Error response from daemon: " + e.getMessage(), 1);
        } catch (BuildFailure e) {
            return failed(options, out, banner, e.getMessage(), e.exitCode());
        }
    }

    /** With -q the CLI prints what it held back to stderr, then the error. */
    private static CommandResult failed(BuildOptions options, StringBuilder out, String banner, String message, int code) {
        if (options.quiet()) {
            return CommandResult.error(banner + out + message + "\n", code);
        }
        return printed(banner, out.toString(), message + "\n", code);
    }

    /** builder.go prints the banner before the build starts; the daemon's stream, then any error, follow. */
    private static CommandResult printed(String banner, String stream, String error, int code) {
        CommandResult.Builder result = CommandResult.builder();
        result.err(banner);
        result.out(stream);
        result.err(error);
        return result.build(code);
    }

    private static Map<String, String> buildArgs(ParsedArgs args, ShellContext shell) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args.all("build-arg")) {
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                values.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else {
                Optional<String> fromEnv = shell.variable(arg);
                fromEnv.ifPresent(v -> values.put(arg, v));
            }
        }
        return values;
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
