package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * {@code docker logs} and {@code docker exec}. Mirrors docker/cli cli/command/container/logs.go
 * (each line to the stream it was written to, in the order written; {@code -t} prefixes
 * RFC3339Nano timestamps with nine digits; {@code --tail N}; {@code -f} follows until the
 * container stops, or Ctrl-C ends it with 130 as the CLI's signal handler does) and exec.go
 * (the command's output as it comes and its exit status; with {@code -i}/{@code -t} a shell reads
 * the learner's next lines until it exits, see ContainerEngine#execAttached).
 */
final class LogsExecCommands {

    private static final int INTERRUPTED = 130;

    private LogsExecCommands() {
    }

    static Subcommand logs(ContainerEngine engine) {
        return new Subcommand("logs [OPTIONS] CONTAINER", "Fetch the logs of a container", List.of(),
                "docker container logs, docker logs", List.of(
                        Flag.bool("details", '\0', "Show extra details provided to logs"),
                        Flag.bool("follow", 'f', "Follow log output"),
                        Flag.string("since", '\0', "Show logs since timestamp or relative (e.g. 42m for 42 minutes)"),
                        Flag.string("tail", 'n', "Number of lines to show from the end of the logs (default \"all\")"),
                        Flag.bool("timestamps", 't', "Show timestamps"),
                        Flag.string("until", '\0', "Show logs before a timestamp or relative (e.g. 42m for 42 minutes)")),
                ArgsRule.exactly(1), 0, Subcommand.streaming((args, invocation, out) -> {
                    Container c = engine.containers().get(args.arg(0));
                    List<LogEntry> entries = c.logs();
                    String tail = args.string("tail");
                    if (!tail.isEmpty() && !tail.equals("all")) {
                        int n = Integer.parseInt(tail);
                        entries = entries.subList(Math.max(0, entries.size() - n), entries.size());
                    }
                    boolean timestamps = args.bool("timestamps");
                    entries.forEach(e -> print(e, timestamps, out));
                    if (!args.bool("follow")) {
                        return Execution.finished(0);
                    }
                    Follower follower = new Follower(c, timestamps, out);
                    follower.follow(engine.clock());
                    return follower;
                }));
    }

    private static void print(LogEntry e, boolean timestamps, OutputSink out) {
        String stamp = timestamps ? GoTime.rfc3339Nano(e.time()).replaceFirst("(\\.\\d+)?Z$", "") + nanos(e) + "Z " : "";
        out.write(e.stream() == LogEntry.Stream.STDOUT ? OutputChunk.Stream.STDOUT : OutputChunk.Stream.STDERR,
                stamp + e.line() + "\n");
    }

    /** RFC3339NanoFixed: always nine fractional digits. */
    private static String nanos(LogEntry e) {
        return String.format(".%09d", e.time().getNano());
    }

    /** {@code docker logs -f} after the lines that were there: each new line as it is written. */
    private static final class Follower extends ContainerOutput {

        private final boolean timestamps;
        private final OutputSink out;

        Follower(Container container, boolean timestamps, OutputSink out) {
            super(container, true);
            this.timestamps = timestamps;
            this.out = out;
        }

        @Override
        void print(LogEntry entry) {
            LogsExecCommands.print(entry, timestamps, out);
        }

        @Override
        void ended() {
            finish(0);
        }

        @Override
        public void interrupt() {
            finish(INTERRUPTED);
        }

        @Override
        public void detach() {
            finish(0);
        }
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
                ArgsRule.atLeast(2), 1, Subcommand.streaming((args, invocation, out) -> {
                    List<String> argv = args.args().subList(1, args.args().size());
                    if (!args.bool("detach") && (args.bool("interactive") || args.bool("tty"))) {
                        // The learner's terminal is a TTY, so -t is allowed: a shell then reads the lines typed next.
                        return engine.execAttached(args.arg(0), argv, args.string("workdir"), args.bool("interactive"),
                                args.bool("tty"), "", out);
                    }
                    if (!args.bool("detach")) {
                        return engine.exec(args.arg(0), argv, args.string("workdir"), out);
                    }
                    // -d: the exec starts and the client returns at once; what the program prints goes nowhere.
                    engine.exec(args.arg(0), argv, args.string("workdir"), OutputSink.DISCARD).detach();
                    return Execution.finished(0);
                }));
    }
}
