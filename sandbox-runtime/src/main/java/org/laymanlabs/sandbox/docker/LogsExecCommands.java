package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ExecResult;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.image.json.GoTime;

/**
 * {@code docker logs} and {@code docker exec}. Mirrors docker/cli cli/command/container/logs.go
 * (stdout and stderr kept apart, {@code -t} prefixes RFC3339Nano timestamps with nine digits,
 * {@code --tail N}) and exec.go (non-interactive: the command's output and exit status).
 */
final class LogsExecCommands {

    private LogsExecCommands() {
    }

    static Subcommand logs(ContainerEngine engine) {
        return new Subcommand("logs [OPTIONS] CONTAINER", "Fetch the logs of a container", List.of(),
                "docker container logs, docker logs", List.of(
                        Flag.bool("details", '\0', "Show extra details provided to logs"),
                        Flag.bool("follow", 'f', "Follow log output (in the sandbox: prints what the container has"
                                + " written so far and returns, as the terminal is not interactive)"),
                        Flag.string("since", '\0', "Show logs since timestamp or relative (e.g. 42m for 42 minutes)"),
                        Flag.string("tail", 'n', "Number of lines to show from the end of the logs (default \"all\")"),
                        Flag.bool("timestamps", 't', "Show timestamps"),
                        Flag.string("until", '\0', "Show logs before a timestamp or relative (e.g. 42m for 42 minutes)")),
                ArgsRule.exactly(1), 0, args -> {
                    Container c = engine.containers().get(args.arg(0));
                    List<LogEntry> entries = c.logs();
                    String tail = args.string("tail");
                    if (!tail.isEmpty() && !tail.equals("all")) {
                        int n = Integer.parseInt(tail);
                        entries = entries.subList(Math.max(0, entries.size() - n), entries.size());
                    }
                    StringBuilder out = new StringBuilder();
                    StringBuilder err = new StringBuilder();
                    for (LogEntry e : entries) {
                        String stamp = args.bool("timestamps") ? GoTime.rfc3339Nano(e.time()).replaceFirst(
                                "(\\.\\d+)?Z$", "") + nanos(e) + "Z " : "";
                        (e.stream() == LogEntry.Stream.STDOUT ? out : err).append(stamp).append(e.line()).append('\n');
                    }
                    return new CommandResult(out.toString(), err.toString(), 0);
                });
    }

    /** RFC3339NanoFixed: always nine fractional digits. */
    private static String nanos(LogEntry e) {
        return String.format(".%09d", e.time().getNano());
    }

    static Subcommand exec(ContainerEngine engine) {
        return new Subcommand("exec [OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container",
                List.of(), "docker container exec, docker exec", List.of(
                        Flag.bool("detach", 'd', "Detached mode: run command in the background"),
                        Flag.valued("env", 'e', "list", "Set environment variables"),
                        Flag.bool("interactive", 'i', "Keep STDIN open even if not attached"),
                        Flag.bool("tty", 't', "Allocate a pseudo-TTY"),
                        Flag.string("user", 'u', "Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
                        Flag.string("workdir", 'w', "Working directory inside the container")),
                ArgsRule.atLeast(2), 1, args -> {
                    ExecResult result = engine.exec(args.arg(0), args.args().subList(1, args.args().size()),
                            args.string("workdir"));
                    return new CommandResult(result.stdout(), result.stderr(), result.exitCode());
                });
    }
}
