package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.store.EtcdctlArgs.Exit;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * Mirrors etcd's etcdctl (etcdctl/ctlv3, ETCDCTL_API=3, v3.5): put, get, del, watch, compaction,
 * member list, endpoint status and version, with etcdctl's output formats, errors ("Error: ...")
 * and exit codes. Each request waits on the virtual clock for at most the 5 s command timeout.
 * The endpoints default to every member's client URL, as if ETCDCTL_ENDPOINTS were set. The
 * sandbox shell is not interactive, so {@code watch} prints the events recorded so far (from
 * {@code --rev}) and returns instead of waiting for more.
 */
public final class EtcdctlCommand implements Command {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final EtcdCluster cluster;
    private final List<String> defaultEndpoints;

    public EtcdctlCommand(EtcdCluster cluster) {
        this(cluster, cluster.members().stream().map(MemberView::clientUrl).toList());
    }

    public EtcdctlCommand(EtcdCluster cluster, List<String> defaultEndpoints) {
        this.cluster = cluster;
        this.defaultEndpoints = List.copyOf(defaultEndpoints);
    }

    @Override
    public String name() {
        return "etcdctl";
    }

    @Override
    public String usage() {
        return "etcdctl [--endpoints=URLS] [-w simple|json|table] put|get|del|watch|compaction|member list|endpoint status";
    }

    @Override
    public String summary() {
        return "Read and change the cluster's etcd key space, and see its members and their Raft state.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try {
            EtcdctlArgs args = EtcdctlArgs.parse(invocation.args());
            int status = dispatch(args, invocation.stdin(), out, err);
            return new CommandResult(out.toString(), err.toString(), status);
        } catch (Exit exit) {
            err.append("Error: ").append(exit.getMessage()).append('\n');
            return new CommandResult(out.toString(), err.toString(), exit.code);
        }
    }

    private int dispatch(EtcdctlArgs args, String stdin, StringBuilder out, StringBuilder err) {
        String format = args.value("write-out", "simple");
        if (!List.of("simple", "json", "table").contains(format)) {
            throw new Exit(Exit.BAD_FEATURE, "unsupported output format");
        }
        if (args.positional.isEmpty()) {
            out.append(help());
            return 0;
        }
        String verb = args.positional.get(0);
        List<String> rest = args.positional.subList(1, args.positional.size());
        EtcdctlKv kv = new EtcdctlKv(cluster, client(args), args, format, out, err);
        EtcdctlCluster info = new EtcdctlCluster(cluster, client(args), args, format, out, err);
        return switch (verb) {
            case "put" -> kv.put(rest, stdin);
            case "get" -> kv.get(rest);
            case "del" -> kv.del(rest);
            case "watch" -> kv.watch(rest);
            case "compaction" -> kv.compaction(rest);
            case "member" -> info.member(rest);
            case "endpoint" -> info.endpoint(rest);
            case "version" -> {
                out.append("etcdctl version: ").append(EtcdMember.VERSION).append("\nAPI version: 3.5\n");
                yield 0;
            }
            default -> throw new Exit(Exit.ERROR, "unknown command \"" + verb + "\" for \"etcdctl\"");
        };
    }

    private EtcdClient client(EtcdctlArgs args) {
        String endpoints = args.value("endpoints", String.join(",", defaultEndpoints));
        return cluster.client(List.of(endpoints.split(","))).withTimeout(COMMAND_TIMEOUT);
    }

    private static String help() {
        return """
                NAME:
                	etcdctl - A simple command line client for etcd3.

                USAGE:
                	etcdctl [flags]

                VERSION:
                	%s

                API VERSION:
                	3.5

                COMMANDS (in this sandbox):
                	compaction		Compacts the event history in etcd
                	del			Removes the specified key or range of keys [key, range_end)
                	endpoint status		Prints out the status of endpoints specified in `--endpoints` flag
                	get			Gets the key or a range of keys
                	member list		Lists all members in the cluster
                	put			Puts the given key into the store
                	version			Prints the version of etcdctl
                	watch			Watches events stream on keys or prefixes (prints the events so far)
                """.formatted(EtcdMember.VERSION);
    }
}
