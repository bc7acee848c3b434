package org.laymanlabs.sandbox.net.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.HookResult;
import org.laymanlabs.sandbox.net.ipv4.HookVerdict;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/** Golden tests of the tracer's text: a container reaching another one across docker0. */
class TraceCommandTest {

    private final Network network = new Network(new SplittableRandom(3));
    private final VirtualClock clock = new VirtualClock(java.time.Instant.parse("2026-11-26T09:00:00Z"));
    private final NetworkNamespace host = namespace("host");
    private final Link docker0 = network.addBridge(host, "docker0");
    private NetworkNamespace client;
    private boolean dropForwarded;

    private NetworkNamespace namespace(String name) {
        NetworkNamespace ns = network.createNamespace(name, false);
        ns.setUp(ns.requireLink("lo"), true);
        return ns;
    }

    private NetworkNamespace container(String name, String ip) {
        NetworkNamespace c = namespace(name);
        Link hostEnd = network.addVethPair(host, "veth-" + name, c, "eth0");
        network.enslave(hostEnd, docker0);
        host.setUp(hostEnd, true);
        Link eth0 = c.requireLink("eth0");
        c.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse(ip + "/16"), RouteScope.GLOBAL));
        c.setUp(eth0, true);
        c.addRoute(new Route(RouteType.UNICAST, Cidr.parse("0.0.0.0/0"), Optional.of(Ipv4Address.parse("172.17.0.1")),
                "eth0", Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
        return c;
    }

    private CommandLineShell shell() {
        host.addAddress(docker0, InterfaceAddress.withBroadcast(Cidr.parse("172.17.0.1/16"), RouteScope.GLOBAL));
        host.setUp(docker0, true);
        NetworkNamespace web = container("web", "172.17.0.2");
        client = container("client", "172.17.0.3");
        web.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 80, "nginx", (r, p) -> "HTTP/1.1 200 OK\r\n\r\n"));
        Ipv4Stack stack = new Ipv4Stack(network, ns -> (hook, n, skb) -> ns == host && hook == Hook.FORWARD && dropForwarded
                ? new HookResult(new HookVerdict.Drop("policy DROP"), List.of(
                        new TraceEvent.RuleHit("filter", "FORWARD", 0, "-P FORWARD DROP", "DROP")))
                : HookResult.ACCEPTED);
        return CommandLineShell.withBuiltinsAnd(List.of(
                new TraceCommand(new Connector(stack, new SplittableRandom(11), clock), () -> client, HostResolver.LITERALS_ONLY)));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TraceCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void showsBothPacketsOfAConnectionAcrossTheBridge() throws IOException {
        CommandResult result = shell().run("trace 172.17.0.2:80");

        assertThat(result.stdout()).isEqualTo(golden("bridged-answered.txt"));
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void showsWhereADroppedPacketStopped() throws IOException {
        CommandLineShell shell = shell();
        dropForwarded = true;

        CommandResult result = shell.run("trace 172.17.0.2");

        assertThat(result.stdout()).isEqualTo(golden("bridged-dropped.txt"));
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void refusesABadTarget() {
        assertThat(shell().run("trace 172.17.0.2:http"))
                .isEqualTo(CommandResult.error("trace: invalid port 'http': use 1-65535\n", 2));
    }
}
