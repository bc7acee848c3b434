package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.CurrentNamespace;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * {@code ip netns exec NAME CMD [ARGS…]} (iproute2 ip/ipnetns.c, netns_exec and cmd_exec): enter
 * the named namespace and run the command there, so that ip, ping, curl, iptables and trace act
 * on that namespace. The command's output and exit status are its own.
 */
final class NetnsExec {

    private NetnsExec() {
    }

    static CommandResult run(Network network, CurrentNamespace current, List<String> words, Invocation invocation) {
        if (words.isEmpty()) {
            return CommandResult.error("No netns name specified\n", 1);
        }
        String name = words.get(0);
        NetworkNamespace ns = network.namespace(name).filter(NetworkNamespace::isNamed).orElse(null);
        if (ns == null) {
            return CommandResult.error("Cannot open network namespace \"" + name + "\": No such file or directory\n", 255);
        }
        if (words.size() < 2) {
            return CommandResult.error("No command specified\n", 1);
        }
        String program = words.get(1);
        Command command = invocation.shell().command(program).orElse(null);
        if (command == null) {
            return CommandResult.error("exec of \"" + program + "\" failed: No such file or directory\n", 1);
        }
        Invocation child = new Invocation(words.subList(2, words.size()), invocation.stdin(), invocation.shell());
        return current.runIn(ns, () -> command.run(child));
    }
}
