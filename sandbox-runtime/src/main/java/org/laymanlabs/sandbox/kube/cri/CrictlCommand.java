package org.laymanlabs.sandbox.kube.cri;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.docker.Units;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * crictl 1.32 (kubernetes-sigs/cri-tools cmd/crictl) on a node, talking to that node's
 * containerd: {@code ps [-a] [-q]}, {@code pods}, {@code images}, {@code logs [--tail N] ID},
 * {@code inspect ID}, {@code inspectp POD-ID}, {@code stop ID…} and {@code exec ID CMD…}, with crictl's columns (tabwriter of minimum width
 * 20 and padding 3), 13-character IDs, newest first, and go-units' ages and sizes. It exists only
 * on a node: on the learner's laptop bash does not find it.
 */
public final class CrictlCommand implements Command {

    private final Nodes nodes;

    /** The containerd of the node whose machine a namespace is, if it is one; serializable, as a sandbox's checkpoint keeps it. */
    @FunctionalInterface
    public interface Nodes extends Function<NetworkNamespace, Optional<Containerd>>, java.io.Serializable {
    }
    private final HomeNamespace current;

    /** @param nodes the containerd of the node whose machine a namespace is, if it is one */
    public CrictlCommand(Nodes nodes, HomeNamespace current) {
        this.nodes = nodes;
        this.current = current;
    }

    @Override
    public String name() {
        return "crictl";
    }

    @Override
    public String usage() {
        return "crictl ps|pods|images|logs|inspect|inspectp|stop|exec [ARG...]";
    }

    @Override
    public String summary() {
        return "Inspect a node's containerd: containers, pod sandboxes, images, logs (run it with node-shell).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        Optional<Containerd> runtime = nodes.apply(current.get());
        if (runtime.isEmpty()) {
            return CommandResult.error("bash: crictl: command not found\n", 127);
        }
        List<String> args = invocation.args();
        if (args.isEmpty()) {
            return CommandResult.ok(help());
        }
        Containerd containerd = runtime.get();
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "ps" -> CommandResult.ok(ps(containerd, rest));
                case "pods" -> CommandResult.ok(pods(containerd, rest));
                case "images", "image", "img" -> CommandResult.ok(images(containerd, rest));
                case "logs" -> logs(containerd, rest);
                case "inspect" -> CommandResult.ok(CrictlInspect.inspect(containerd, find(containerd, single(rest))) + "\n");
                case "inspectp" -> CommandResult.ok(CrictlInspect.inspectPod(findPod(containerd, single(rest))) + "\n");
                case "stop" -> stop(containerd, rest);
                case "exec" -> exec(containerd, rest);
                default -> CommandResult.error("No help topic for '" + args.get(0) + "'\n", 3);
            };
        } catch (IllegalArgumentException e) {
            return CommandResult.error("FATA[0000] " + e.getMessage() + "\n", 1);
        }
    }

    private static String ps(Containerd containerd, List<String> args) {
        boolean all = args.contains("-a") || args.contains("--all");
        boolean quiet = args.contains("-q") || args.contains("--quiet");
        Instant now = containerd.clock().now();
        List<CriContainer> shown = containerd.containers().stream()
                .filter(c -> all || c.state() == CriContainer.State.CONTAINER_RUNNING)
                .sorted(Comparator.comparing(CriContainer::created).reversed()).toList();
        if (quiet) {
            return shown.stream().map(c -> c.id() + "\n").reduce("", String::concat);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD"));
        for (CriContainer c : shown) {
            PodSandbox sandbox = containerd.sandbox(c.sandboxId());
            rows.add(List.of(truncate(c.id()), truncate(c.image().id().hex()), ago(now, c.created()), state(c.state()), c.name(),
                    Integer.toString(c.attempt()), truncate(c.sandboxId()), sandbox.config().name()));
        }
        return table(rows);
    }

    private static String pods(Containerd containerd, List<String> args) {
        Instant now = containerd.clock().now();
        List<PodSandbox> shown = containerd.sandboxes().stream()
                .sorted(Comparator.comparing(PodSandbox::created).reversed()).toList();
        if (args.contains("-q") || args.contains("--quiet")) {
            return shown.stream().map(s -> s.id() + "\n").reduce("", String::concat);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"));
        for (PodSandbox s : shown) {
            rows.add(List.of(truncate(s.id()), ago(now, s.created()), s.state() == PodSandbox.State.SANDBOX_READY ? "Ready" : "NotReady",
                    s.config().name(), s.config().namespace(), Integer.toString(s.config().attempt()), "(default)"));
        }
        return table(rows);
    }

    private static String images(Containerd containerd, List<String> args) {
        ImageService images = containerd.images();
        boolean quiet = args.contains("-q") || args.contains("--quiet");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("IMAGE", "TAG", "IMAGE ID", "SIZE"));
        StringBuilder ids = new StringBuilder();
        for (Image image : images.list()) {
            ids.append(image.id()).append('\n');
            String size = Units.humanSizeWithPrecision(images.size(image), 3);
            List<String> tags = images.tags(image);
            for (String tagged : tags.isEmpty() ? List.of("<none>:<none>") : tags) {
                int colon = tagged.lastIndexOf(':');
                rows.add(List.of(tagged.substring(0, colon), tagged.substring(colon + 1), truncate(image.id().hex()), size));
            }
        }
        return quiet ? ids.toString() : table(rows);
    }

    private static CommandResult logs(Containerd containerd, List<String> args) {
        int tail = -1;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--tail") && i + 1 < args.size()) {
                tail = Integer.parseInt(args.get(++i));
            } else if (a.startsWith("--tail=")) {
                tail = Integer.parseInt(a.substring(7));
            } else if (!a.startsWith("-")) {
                positional.add(a);
            }
        }
        CriContainer c = find(containerd, single(positional));
        List<LogEntry> entries = c.container().logs();
        if (tail >= 0 && tail < entries.size()) {
            entries = entries.subList(entries.size() - tail, entries.size());
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        // crictl writes the stdout lines to its stdout and the stderr lines to its stderr, as the CRI log file records them.
        entries.forEach(e -> (e.stream() == LogEntry.Stream.STDERR ? err : out).append(e.line()).append('\n'));
        return new CommandResult(out.toString(), err.toString(), 0);
    }

    private static CommandResult exec(Containerd containerd, List<String> args) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            i++;
        }
        if (i >= args.size() - 1) {
            throw new IllegalArgumentException("executing command in container: command must be specified");
        }
        CriContainer c = find(containerd, args.get(i));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Execution execution = containerd.exec(c.id(), args.subList(i + 1, args.size()), (stream, text) ->
                (stream == org.laymanlabs.sandbox.OutputChunk.Stream.STDERR ? err : out).append(text));
        if (!execution.isFinished()) {
            execution.detach();
            return new CommandResult(out.toString(), err.toString(), 0);
        }
        return new CommandResult(out.toString(), err.toString(), execution.exitCode());
    }

    /**
     * crictl stop [-t SECONDS] ID…: each container stopped in turn (with no timeout, killed at
     * once) and its ID printed as given, as cri-tools' StopContainer does.
     */
    private static CommandResult stop(Containerd containerd, List<String> args) {
        long timeout = 0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-t") || a.equals("--timeout")) && i + 1 < args.size()) {
                timeout = Long.parseLong(args.get(++i));
            } else if (a.startsWith("--timeout=")) {
                timeout = Long.parseLong(a.substring("--timeout=".length()));
            } else {
                ids.add(a);
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ID cannot be empty");
        }
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            containerd.stopContainer(find(containerd, id).id(), Duration.ofSeconds(timeout));
            out.append(id).append('\n');
        }
        return CommandResult.ok(out.toString());
    }

    /** A pod sandbox by any unique prefix of its ID. */
    static PodSandbox findPod(Containerd containerd, String prefix) {
        List<PodSandbox> matches = containerd.sandboxes().stream().filter(s -> s.id().startsWith(prefix)).toList();
        if (matches.size() != 1 || prefix.isEmpty()) {
            throw new IllegalArgumentException("getting the pod sandbox status for \"" + prefix
                    + "\": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found");
        }
        return matches.get(0);
    }

    /** containerd takes any unique prefix of an ID. */
    static CriContainer find(Containerd containerd, String prefix) {
        List<CriContainer> matches = containerd.containers().stream().filter(c -> c.id().startsWith(prefix)).toList();
        if (matches.size() != 1 || prefix.isEmpty()) {
            throw new IllegalArgumentException("rpc error: code = NotFound desc = an error occurred when try to find container \""
                    + prefix + "\": not found");
        }
        return matches.get(0);
    }

    private static String single(List<String> args) {
        List<String> ids = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ID cannot be empty");
        }
        return ids.get(0);
    }

    private static String truncate(String id) {
        return id.length() > 13 ? id.substring(0, 13) : id;
    }

    private static String ago(Instant now, Instant then) {
        return Units.humanDuration(Duration.between(then, now)) + " ago";
    }

    private static String state(CriContainer.State state) {
        return switch (state) {
            case CONTAINER_CREATED -> "Created";
            case CONTAINER_RUNNING -> "Running";
            case CONTAINER_EXITED -> "Exited";
            case CONTAINER_UNKNOWN -> "Unknown";
        };
    }

    /** text/tabwriter with minwidth 20, padding 3: every cell but the last padded to its column. */
    private static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(20, row.get(i).length() + 3));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                out.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s", row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String help() {
        return """
                NAME:
                   crictl - client for CRI

                USAGE:
                   crictl [global options] command [command options]

                VERSION:
                   v1.32.0

                COMMANDS:
                   exec     Run a command in a running container
                   images   List images
                   inspect  Display the status of one or more containers
                   inspectp Display the status of one or more pods
                   logs     Fetch the logs of a container
                   pods     List pods
                   ps       List containers
                   stop     Stop one or more running containers
                """;
    }
}
