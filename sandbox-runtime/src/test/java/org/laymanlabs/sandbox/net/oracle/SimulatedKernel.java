package org.laymanlabs.sandbox.net.oracle;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

/** The sandbox's side of a differential test: the same ip lines, rules and requests as the real kernel gets. */
final class SimulatedKernel {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(1));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(2));
    private final Ipv4Stack stack = new Ipv4Stack(network, netfilters);
    private final Connector connector = new Connector(stack, new SplittableRandom(3), clock);
    private final NetworkNamespace host = network.createNamespace("host", false);
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));

    /** Runs an {@code ip} line exactly as the real kernel test runs it. */
    CommandResult ip(String line) {
        return shell.run(line);
    }

    NetworkNamespace namespace(String name) {
        return network.namespace(name).orElseThrow();
    }

    /** Runs an iptables line in a namespace, as {@code ip netns exec NS iptables …} does. */
    CommandResult iptables(String namespace, String line) {
        return iptablesShell(namespace, new Workspace()).run(line);
    }

    /** {@code ip netns exec NS iptables-restore --noflush < rules}. */
    CommandResult restore(String namespace, String rules) {
        Workspace files = new Workspace();
        files.write(Workspace.HOME + "/rules", rules);
        return iptablesShell(namespace, files).run("iptables-restore --noflush < rules");
    }

    private CommandLineShell iptablesShell(String namespace, Workspace files) {
        var tables = netfilters.of(namespace(namespace));
        return CommandLineShell.withBuiltinsAnd(List.of(new IptablesCommand(tables), new IptablesRestoreCommand(tables),
                new IptablesSaveCommand(tables)), files);
    }

    /** The endpoint program of shared/oracle/epserver.py: it answers "<name> saw-client=<peer>". */
    void serve(String namespace, String name, String address, int port) {
        namespace(namespace).sockets().listen(new Listener(Protocol.TCP, Ipv4Address.parse(address), port, name,
                (request, peer) -> name + " saw-client=" + peer.address() + "\n"));
    }

    /**
     * What {@code curl -s --max-time N} would leave on the terminal for one request, as the real
     * kernel test records it: the server's answer, or "FAILED 7" (refused, or failed at once) or
     * "FAILED 28" (nothing back in time).
     */
    String curl(String namespace, String address, int port, java.time.Duration patience) {
        Exchange exchange = request(namespace, address, port, patience);
        if (exchange instanceof Exchange.Answered answered) {
            return answered.response().strip();
        }
        if (exchange instanceof Exchange.Failed failed) {
            return failed.after().compareTo(patience) >= 0 ? "FAILED 28" : "FAILED 7";
        }
        return "FAILED 28";
    }

    /** One ICMP echo as ping sends it: "ttl=N" for a reply, or "lost". */
    String ping(String namespace, String address) {
        org.laymanlabs.sandbox.net.ipv4.Pinger.Echo echo = new org.laymanlabs.sandbox.net.ipv4.Pinger(stack)
                .echo(namespace(namespace), Ipv4Address.parse(address), 7);
        return echo instanceof org.laymanlabs.sandbox.net.ipv4.Pinger.Echo.Replied replied ? "ttl=" + replied.ttl() : "lost";
    }

    /** What {@code ping -n -c 1 -W 1} prints about its one request: the reply or error line, or "" for nothing. */
    String pingReport(String namespace, String arguments) {
        var ping = new org.laymanlabs.sandbox.net.ping.PingCommand(new org.laymanlabs.sandbox.net.ipv4.Pinger(stack), clock,
                () -> namespace(namespace), org.laymanlabs.sandbox.net.curl.HostResolver.LITERALS_ONLY);
        String out = CommandLineShell.withBuiltinsAnd(List.of(ping)).run("ping -c 1 -W 1 " + arguments).stdout();
        return out.lines().skip(1).findFirst().orElse("");
    }

    /** A request from a client that gives up after {@code patience}, as {@code curl --max-time} does. */
    Exchange request(String namespace, String address, int port, java.time.Duration patience) {
        return connector.exchange(namespace(namespace), Ipv4Address.parse(address), port, "GET / HTTP/1.1\r\n\r\n",
                patience);
    }
}
