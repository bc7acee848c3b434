package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.container.RestartPolicy;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.PullResult;
import org.laymanlabs.sandbox.image.Reference;

/**
 * {@code docker run} and {@code docker create}. Mirrors docker/cli cli/command/container/run.go and
 * create.go: a missing image is pulled first (its progress on stderr), errors are reported as
 * "docker: …" with the exit status run.go's runStartContainerErr picks (125, or 127 and 126 when
 * the command cannot be found or run). The sandbox's terminal is not interactive, so an attached
 * run prints what the container has written by the time its command returns.
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
                Flag.bool("interactive", 'i', "Keep STDIN open even if not attached (accepted; the sandbox's terminal is not interactive)"),
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
                args -> execute(daemon, engine, args, true));
    }

    static Subcommand create(Daemon daemon, ContainerEngine engine) {
        return new Subcommand("create [OPTIONS] IMAGE [COMMAND] [ARG...]", "Create a new container", List.of(),
                "docker container create, docker create", flags(), ArgsRule.atLeast(1), 0,
                args -> execute(daemon, engine, args, false));
    }

    private static CommandResult execute(Daemon daemon, ContainerEngine engine, ParsedArgs args, boolean start) {
        String verb = start ? "run" : "create";
        ContainerSpec spec;
        try {
            spec = spec(args);
        } catch (IllegalArgumentException e) {
            return CommandResult.error("docker: " + e.getMessage() + "\n\nRun 'docker " + verb + " --help' for more information\n", 125);
        }
        StringBuilder err = new StringBuilder();
        Container container;
        try {
            container = createPulling(daemon, engine, spec, err);
        } catch (DaemonException e) {
            return CommandResult.error(err + "docker: Error response from daemon: " + dotted(e.getMessage())
                    + "\n\nRun 'docker " + verb + " --help' for more information\n", 125);
        }
        if (!start) {
            return new CommandResult(container.id() + "\n", err.toString(), 0);
        }
        try {
            engine.start(container.id());
        } catch (DaemonException e) {
            if (spec.autoRemove()) {
                engine.remove(container.id(), true);
            }
            return CommandResult.error(err + "docker: Error response from daemon: " + dotted(e.getMessage()) + "\n",
                    startFailureStatus(e.getMessage()));
        }
        if (args.bool("detach")) {
            return new CommandResult(container.id() + "\n", err.toString(), 0);
        }
        return attached(engine, container, err);
    }

    private static CommandResult attached(ContainerEngine engine, Container container, StringBuilder err) {
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : container.logs()) {
            (entry.stream() == LogEntry.Stream.STDOUT || container.spec().tty() ? out : err).append(entry.line()).append('\n');
        }
        boolean exited = !container.state().isRunning();
        return new CommandResult(out.toString(), err.toString(), exited ? container.state().exitCode() : 0);
    }

    private static Container createPulling(Daemon daemon, ContainerEngine engine, ContainerSpec spec, StringBuilder err) {
        try {
            return engine.create(spec);
        } catch (DaemonException e) {
            if (e.kind() != DaemonException.Kind.NOT_FOUND || !e.getMessage().startsWith("No such image")) {
                throw e;
            }
        }
        Reference ref = Reference.parse(spec.image()).withDefaultTag();
        err.append("Unable to find image '").append(ref.familiarString()).append("' locally\n");
        PullResult result = daemon.puller().pull(ref);
        err.append(ref.tag()).append(": Pulling from ").append(ref.path()).append('\n');
        result.layers().forEach(l -> err.append(l.id()).append(": ").append(l.status()).append('\n'));
        err.append("Digest: ").append(result.manifestDigest()).append('\n');
        err.append("Status: Downloaded newer image for ").append(ref.familiarString()).append('\n');
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

    /** reportError: the message ends with exactly one full stop. */
    static String dotted(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    static String help() {
        return HELP;
    }
}
