package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.image.DaemonException;

/**
 * {@code docker top CONTAINER}: the container's processes as the host's {@code ps -ef} shows
 * them (UID PID PPID C STIME TTY TIME CMD), host PIDs, the shim as parent. Mirrors moby
 * daemon/top_unix.go (ps -ef, rows whose PID belongs to the container) and docker/cli
 * cli/command/container/top.go (a tabwriter with minimum width 20 and padding 3).
 */
final class TopCommand {

    private static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TopCommand() {
    }

    static Subcommand create(ContainerEngine engine) {
        return new Subcommand("top CONTAINER [ps OPTIONS]", "Display the running processes of a container", List.of(),
                "docker container top, docker top", List.of(), ArgsRule.atLeast(1), 0, args -> run(engine, args));
    }

    private static CommandResult run(ContainerEngine engine, ParsedArgs args) {
        Container c = engine.containers().get(args.arg(0));
        if (c.state().status() != ContainerStatus.RUNNING) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        List<String> psArgs = args.args().subList(1, args.args().size());
        if (!psArgs.isEmpty() && !(psArgs.size() == 1 && psArgs.get(0).matches("-?ef|-e|-f"))) {
            return DockerCommand.error("Error response from daemon: the sandbox's docker top shows ps -ef's columns"
                    + " only; leave out the ps options " + String.join(" ", psArgs));
        }
        Instant now = engine.clock().now();
        Instant started = c.state().startedAt().orElse(now);
        String user = c.image().config().user().isEmpty() ? "root" : c.image().config().user().split(":")[0];
        List<String> row = List.of(user, Integer.toString(c.state().pid()), Integer.toString(c.shimPid()), "0",
                stime(started, now), c.spec().tty() ? "pts/0" : "?", "00:00:00", String.join(" ", c.processArgv()));
        int[] widths = new int[TITLES.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(20, Math.max(TITLES.get(i).length(), row.get(i).length()) + 3);
        }
        return CommandResult.ok(line(TITLES, widths) + line(row, widths));
    }

    /** ps's STIME: the time of day for a process started today, else month and day. */
    private static String stime(Instant started, Instant now) {
        boolean today = Duration.between(started, now).toHours() < 24
                && started.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
        return (today ? TODAY : THIS_YEAR).format(started);
    }

    /** text/tabwriter with minwidth 20, padding 3: every cell but the last padded to its column's width. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(widths[i] - cell.length()));
            }
        }
        return out.append('\n').toString();
    }
}
