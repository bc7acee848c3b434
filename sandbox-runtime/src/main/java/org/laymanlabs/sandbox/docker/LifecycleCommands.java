package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * {@code docker start}, {@code stop}, {@code kill}, {@code restart} and {@code rm}. Mirrors
 * docker/cli cli/command/container/{start,stop,kill,restart,rm}.go: each container in turn, its
 * name echoed as given on success, each failure reported, status 1 if any failed.
 */
final class LifecycleCommands {

    private LifecycleCommands() {
    }

    static Subcommand start(ContainerEngine engine) {
        return new Subcommand("start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers",
                List.of(), "docker container start, docker start",
                List.of(Flag.bool("attach", 'a', "Attach STDOUT/STDERR and forward signals"),
                        Flag.bool("interactive", 'i', "Attach container's STDIN")),
                ArgsRule.atLeast(1), 0, Subcommand.streaming((args, invocation, out) -> {
                    if (!args.bool("attach") && !args.bool("interactive")) {
                        CommandResult result = each(args, "failed to start containers", (name, names) -> engine.start(name));
                        result.writeTo(out);
                        return Execution.finished(result.exitCode());
                    }
                    return startAttached(engine, args, out);
                }));
    }

    /**
     * start.go with -a: one container only; attached before it starts, so the terminal shows this
     * run's output (not the earlier runs' log), and the command ends with the container's exit
     * status. A running container is attached to as it is.
     */
    private static Execution startAttached(ContainerEngine engine, ParsedArgs args, OutputSink out) {
        if (args.args().size() > 1) {
            out.err("you cannot start and attach multiple containers at once\n");
            return Execution.finished(1);
        }
        try {
            Container container = engine.containers().get(args.arg(0));
            LogEntry before = ContainerOutput.latest(container);
            engine.start(container.id());
            return AttachedRun.follow(engine, container, before, out);
        } catch (DaemonException e) {
            out.err("Error response from daemon: " + e.getMessage() + "\n");
            return Execution.finished(1);
        }
    }

    static Subcommand stop(ContainerEngine engine) {
        return new Subcommand("stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers",
                List.of(), "docker container stop, docker stop",
                List.of(Flag.string("signal", 's', "Signal to send to the container"),
                        Flag.valued("timeout", 't', "int", "Seconds to wait before killing the container")),
                ArgsRule.atLeast(1), 0, args -> stopOrRestart(args, "stop",
                        (name, timeout, signal) -> engine.stop(name, timeout, signal)));
    }

    static Subcommand restart(ContainerEngine engine) {
        return new Subcommand("restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers",
                List.of(), "docker container restart, docker restart",
                List.of(Flag.string("signal", 's', "Signal to send to the container"),
                        Flag.valued("timeout", 't', "int", "Seconds to wait before killing the container")),
                ArgsRule.atLeast(1), 0, args -> stopOrRestart(args, "restart",
                        (name, timeout, signal) -> engine.restart(name, timeout, signal)));
    }

    static Subcommand kill(ContainerEngine engine) {
        return new Subcommand("kill [OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers",
                List.of(), "docker container kill, docker kill",
                List.of(Flag.string("signal", 's', "Signal to send to the container")),
                ArgsRule.atLeast(1), 0, args -> each(args, null, (name, out) -> engine.kill(name,
                        signal(args).orElse(Signal.SIGKILL))));
    }

    static Subcommand rm(ContainerEngine engine) {
        return new Subcommand("rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers",
                List.of(), "docker container rm, docker container remove, docker rm",
                List.of(Flag.bool("force", 'f', "Force the removal of a running container (uses SIGKILL)"),
                        Flag.bool("link", 'l', "Remove the specified link"),
                        Flag.bool("volumes", 'v', "Remove anonymous volumes associated with the container")),
                ArgsRule.atLeast(1), 0,
                args -> each(args, null, (name, out) -> engine.remove(name, args.bool("force"))));
    }

    /** What stop and restart do to one container. */
    @FunctionalInterface
    private interface Stopper {
        void stop(String name, Optional<Duration> timeout, Optional<Signal> signal);
    }

    /** -t is pflag's int, checked before anything happens; -s is checked by the daemon for each container. */
    private static CommandResult stopOrRestart(ParsedArgs args, String verb, Stopper stopper) {
        String t = args.string("timeout");
        if (!t.isEmpty() && !t.matches("[+-]?[0-9]{1,18}")) {
            return DockerCommand.flagError("invalid argument \"" + t + "\" for \"-t, --timeout\" flag: strconv.ParseInt:"
                    + " parsing \"" + t + "\": invalid syntax", "docker " + verb + " [OPTIONS] CONTAINER [CONTAINER...]",
                    "docker " + verb);
        }
        Optional<Duration> timeout = t.isEmpty() ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        return each(args, null, (name, out) -> stopper.stop(name, timeout, signal(args)));
    }

    /** moby/sys/signal ParseSignal: a name with or without SIG, or a number; else "Invalid signal". */
    private static Optional<Signal> signal(ParsedArgs args) {
        String given = args.string("signal");
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Signal.parse(given).orElseThrow(() -> new DaemonException(
                DaemonException.Kind.INVALID_PARAMETER, "Invalid signal: " + given)));
    }

    /** Runs the action on each named container; start adds moby's summary line when any failed. */
    private static CommandResult each(ParsedArgs args, String summary, BiConsumer<String, StringBuilder> action) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        for (String name : args.args()) {
            try {
                action.accept(name, out);
                out.append(name).append('\n');
            } catch (DaemonException e) {
                err.append("Error response from daemon: ").append(e.getMessage()).append('\n');
                failed.append(failed.isEmpty() ? "" : ", ").append(name);
            }
        }
        if (!failed.isEmpty() && summary != null) {
            err.append("Error: ").append(summary).append(": ").append(failed).append('\n');
        }
        return new CommandResult(out.toString(), err.toString(), failed.isEmpty() ? 0 : 1);
    }
}
