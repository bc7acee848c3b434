package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.RestartPolicy;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.PullResult;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * {@code docker run} and {@code docker create}. Mirrors docker/cli cli/command/container/run.go and
 * create.go: a missing image is pulled first (its progress on stderr), errors are reported as
 * "docker: …" with the exit status run.go's runStartContainerErr picks (125, or 127 and 126 when
 * the command cannot be found or run). Without {@code -d} the run stays attached (see {@link Attached}).
 */
final class RunCommand {

    private static final String HELP = "\n\nRun 'docker run --help' for more information";

    private RunCommand() {
    }

    static List<Flag> flags() {
        return List.of(
                Flag.bool("detach", 'd', "Run container in background and print container ID"),
                Flag.string("entrypoint", '\0', "Overwrite the default ENTRYPOINT of the image"),
                Flag.valued("env", 'e', "list", "Set environment variables"),
                Flag.bool("interactive", 'i', "Keep STDIN open even if not attached"),
                Flag.string("name", '\0', "Assign a name to the container"),
                Flag.string("network", '\0', "Connect a container to a network"),
                Flag.valued("publish", 'p', "list", "Publish a container's port(s) to the host"),
                Flag.string("restart", '\0', "Restart policy to apply when a container exits (default \"no\")"),
                Flag.bool("rm", '\0', "Automatically remove the container and its associated anonymous volumes when it exits"),
                Flag.bool("tty", 't', "Allocate a pseudo-TTY"),
                Flag.valued("volume", 'v', "list", "Bind mount a volume"),
                Flag.string("workdir", 'w', "Working directory inside the container"));
    }

    static Subcommand run(Daemon daemon, ContainerEngine engine) {
        return new Subcommand("run [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image",
                List.of(), "docker container run, docker run", flags(), ArgsRule.atLeast(1), 1,
                Subcommand.streaming((args, invocation, out) -> execute(daemon, engine, args, true, out)));
    }

    static Subcommand create(Daemon daemon, ContainerEngine engine) {
        return new Subcommand("create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container", List.of(),
                "docker container create, docker create", flags(), ArgsRule.atLeast(1), 0,
                Subcommand.streaming((args, invocation, out) -> execute(daemon, engine, args, false, out)));
    }

    private static Execution execute(Daemon daemon, ContainerEngine engine, ParsedArgs args, boolean start, OutputSink out) {
        String verb = start ? "run" : "create";
        ContainerSpec spec;
        try {
            spec = spec(args);
        } catch (IllegalArgumentException e) {
            out.err("docker: " + e.getMessage() + "\n\nRun 'docker " + verb + " --help' for more information\n");
            return Execution.finished(125);
        }
        Container container;
        try {
            container = createPulling(daemon, engine, spec, out);
        } catch (DaemonException e) {
            out.err(daemonError(e, verb));
            return Execution.finished(125);
        }
        if (!start) {
            out.out(container.id() + "\n");
            return Execution.finished(0);
        }
        try {
            engine.start(container.id());
        } catch (DaemonException e) {
            if (spec.autoRemove()) {
                engine.remove(container.id(), true);
            }
            out.err(daemonError(e, verb));
            return Execution.finished(startFailureStatus(e.getMessage()));
        }
        if (args.bool("detach")) {
            out.out(container.id() + "\n");
            return Execution.finished(0);
        }
        // -i with a shell as PID 1 (docker run -it alpine): the shell reads the learner's next lines until it exits.
        return engine.attachShell(container, out).orElseGet(() -> AttachedRun.follow(engine, container, null, out));
    }

    private static Container createPulling(Daemon daemon, ContainerEngine engine, ContainerSpec spec, OutputSink err) {
        try {
            return engine.create(spec);
        } catch (DaemonException e) {
            if (e.kind() != DaemonException.Kind.NOT_FOUND || !e.getMessage().startsWith("No such image")) {
                throw e;
            }
        }
        Reference ref = Reference.parse(spec.image()).withDefaultTag();
        err.err("Unable to find image '" + ref.familiarString() + "' locally\n");
        PullResult result = daemon.puller().pull(ref);
        err.err(ref.tag() + ": Pulling from " + ref.path() + "\n");
        result.layers().forEach(l -> err.err(l.id() + ": " + l.status() + "\n"));
        err.err("Digest: " + result.manifestDigest() + "\n");
        err.err("Status: Downloaded newer image for " + ref.familiarString() + "\n");
        return engine.create(spec);
    }

    static ContainerSpec spec(ParsedArgs args) {
        List<PortMapping> ports = new ArrayList<>();
        for (String p : args.all("publish")) {
            ports.add(PortMapping.parse(p));
        }
        List<String> env = new ArrayList<>();
        for (String e : args.all("env")) {
            env.add(e.contains("=") ? e : e + "=");
        }
        String network = args.string("network").isEmpty() ? "default" : args.string("network");
        Optional<String> entrypoint = args.flags().containsKey("entrypoint") && !args.string("entrypoint").isEmpty()
                ? Optional.of(args.string("entrypoint")) : Optional.empty();
        return new ContainerSpec(args.arg(0), args.string("name"), args.args().subList(1, args.args().size()), entrypoint,
                env, args.string("workdir"), ports, args.all("volume"), network, RestartPolicy.parse(args.string("restart")),
                args.bool("rm"), args.bool("tty"), args.bool("interactive"));
    }

    /** runStartContainerErr: 127 when the command is missing, 126 when it cannot run, else 125. */
    static int startFailureStatus(String message) {
        if (message.contains("executable file not found") || message.contains("no such file or directory")) {
            return 127;
        }
        return message.contains("permission denied") || message.contains("is a directory") ? 126 : 125;
    }

    /**
     * reportError as docker CLI 28.2.2 prints it, checked against the real binary talking to the
     * Engine API: the daemon's message as it is (no full stop added), then where to read more.
     */
    private static String daemonError(DaemonException e, String verb) {
        return "docker: Error response from daemon: " + e.getMessage() + "\n\nRun 'docker " + verb
                + " --help' for more information\n";
    }

    static String help() {
        return HELP;
    }
}
