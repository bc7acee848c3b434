package org.laymanlabs.bench;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * New connections per second in one sandbox: a client pod calls a ClusterIP on its node, through
 * the whole path (routing, both veths, PREROUTING DNAT by kube-proxy's rules, the endpoint's
 * socket, and the answer back through conntrack). Goal (issue "netfilter"): at least 1,000/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConnectionsBenchmark {

    private Connector connector;
    private NetworkNamespace client;
    private final Ipv4Address clusterIp = Ipv4Address.parse(KubeRules.clusterIp(0));

    @Setup
    public void buildANodeWithAPodAndAService() {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        Network network = new Network(new SplittableRandom(1));
        NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(2));
        connector = new Connector(new Ipv4Stack(network, netfilters), new SplittableRandom(3), clock);
        NetworkNamespace host = network.createNamespace("host", false);
        CommandLineShell ip = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));
        for (String line : List.of("ip netns add node", "ip netns add client", "ip netns add ep",
                "ip -n node link set lo up", "ip -n client link set lo up", "ip -n ep link set lo up",
                "ip link add veth-c netns node type veth peer name eth0 netns client",
                "ip -n node addr add 10.244.9.1/24 dev veth-c", "ip -n node link set veth-c up",
                "ip -n client addr add 10.244.9.2/24 dev eth0", "ip -n client link set eth0 up",
                "ip -n client route add default via 10.244.9.1",
                "ip link add veth-e netns node type veth peer name eth0 netns ep",
                "ip -n node addr add 10.244.0.1/24 dev veth-e", "ip -n node link set veth-e up",
                "ip -n ep addr add 10.244.0.2/24 dev eth0", "ip -n ep link set eth0 up",
                "ip -n ep route add default via 10.244.0.1")) {
            check(ip.run(line));
        }
        NetworkNamespace node = network.namespace("node").orElseThrow();
        node.setIpForward(true);
        client = network.namespace("client").orElseThrow();
        network.namespace("ep").orElseThrow().sockets().listen(new Listener(Protocol.TCP,
                Ipv4Address.parse(KubeRules.endpointIp(0)), 8080, "app", (request, peer) -> "HTTP/1.1 200 OK\r\n\r\n"));
        Workspace files = new Workspace();
        files.write(Workspace.HOME + "/rules", KubeRules.forServices(1));
        check(CommandLineShell.withBuiltinsAnd(List.of(new IptablesRestoreCommand(netfilters.of(node))), files)
                .run("iptables-restore --noflush < rules"));
    }

    private static void check(CommandResult result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.stderr());
        }
    }

    @Benchmark
    public Exchange newConnectionThroughAClusterIp() {
        Exchange exchange = connector.exchange(client, clusterIp, 80, "GET / HTTP/1.1\r\n\r\n");
        if (!(exchange instanceof Exchange.Answered)) {
            throw new IllegalStateException("the Service did not answer: " + exchange);
        }
        return exchange;
    }
}
