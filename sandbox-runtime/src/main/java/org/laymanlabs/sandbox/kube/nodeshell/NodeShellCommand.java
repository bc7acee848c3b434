package org.laymanlabs.sandbox.kube.nodeshell;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.net.CurrentNamespace;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * {@code node-shell NODE [--] COMMAND…}, after kvaps/kubectl-node-shell: run a command on a
 * node, as that plugin's privileged pod does with {@code nsenter --target 1 --net …}, so that
 * ip, iptables, ping, curl and trace act on the node's own network namespace. The node is looked
 * up as the plugin's {@code kubectl get node} does, and a command that does not exist fails as
 * nsenter's exec does. The plugin's helper pod, and the interactive shell it opens when no
 * command is given, are not simulated.
 */
public final class NodeShellCommand implements Command {

    private final Cluster cluster;
    private final CurrentNamespace current;

    public NodeShellCommand(Cluster cluster, CurrentNamespace current) {
        this.cluster = cluster;
        this.current = current;
    }

    @Override
    public String name() {
        return "node-shell";
    }

    @Override
    public String usage() {
        return "node-shell NODE [--] COMMAND [ARG...]";
    }

    @Override
    public String summary() {
        return "Run a command on a cluster node, in the node's network namespace (kubectl node-shell).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty() || args.get(0).equals("--")) {
            return CommandResult.error("Please specify node name\n", 1);
        }
        String node = args.get(0);
        List<String> words = args.subList(1, args.size());
        if (!words.isEmpty() && words.get(0).equals("--")) {
            words = words.subList(1, words.size());
        }
        NetworkNamespace machine = cluster.machine(node).orElse(null);
        if (machine == null) {
            return CommandResult.error("Error from server (NotFound): nodes \"" + node + "\" not found\n", 1);
        }
        if (words.isEmpty()) {
            return CommandResult.error("node-shell: an interactive shell on the node is not available in the sandbox;"
                    + " give a command: node-shell " + node + " -- COMMAND\n", 1);
        }
        String program = words.get(0);
        Command command = invocation.shell().command(program).filter(c -> !c.name().equals(name())).orElse(null);
        if (command == null) {
            // util-linux errexec: ENOENT exits 127.
            return CommandResult.error("nsenter: failed to execute " + program + ": No such file or directory\n", 127);
        }
        Invocation child = new Invocation(words.subList(1, words.size()), invocation.stdin(), invocation.shell());
        return current.runIn(machine, () -> command.run(child));
    }
}
