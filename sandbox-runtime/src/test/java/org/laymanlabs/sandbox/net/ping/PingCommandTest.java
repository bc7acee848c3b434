package org.laymanlabs.sandbox.net.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.HookResult;
import org.laymanlabs.sandbox.net.ipv4.HookVerdict;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NetfilterHooks;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/** The expected layout is iputils-ping 20221126's, as it printed between two namespaces on this machine. */
class PingCommandTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private final VirtualClock clock = new VirtualClock(START);
    private final Network network = new Network(new SplittableRandom(2));
    private final Map<NetworkNamespace, NetfilterHooks> rules = new HashMap<>();
    private final NetworkNamespace laptop = network.createNamespace("laptop", false);
    private final NetworkNamespace server = network.createNamespace("server", false);
    private final CommandLineShell shell;

    PingCommandTest() {
        Link end = network.addVethPair(laptop, "veth0", server, "eth0");
        laptop.addAddress(end, InterfaceAddress.withBroadcast(Cidr.parse("10.9.0.1/24"), RouteScope.GLOBAL));
        laptop.setUp(end, true);
        Link eth0 = server.requireLink("eth0");
        server.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse("10.9.0.2/24"), RouteScope.GLOBAL));
        server.setUp(eth0, true);
        Ipv4Stack stack = new Ipv4Stack(network, ns -> rules.getOrDefault(ns, NetfilterHooks.ACCEPT_ALL));
        shell = CommandLineShell.withBuiltinsAnd(List.of(
                new PingCommand(new Pinger(stack), clock, () -> laptop, HostResolver.LITERALS_ONLY)));
    }

    @Test
    void repliesComeBackOneASecond() {
        CommandResult result = shell.run("ping -c 2 10.9.0.2");

        assertThat(result).isEqualTo(CommandResult.ok("""
                PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.
                64 bytes from 10.9.0.2: icmp_seq=1 ttl=64 time=0.070 ms
                64 bytes from 10.9.0.2: icmp_seq=2 ttl=64 time=0.070 ms

                --- 10.9.0.2 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 1001ms
                rtt min/avg/max/mdev = 0.070/0.070/0.070/0.000 ms
                """));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void whenARuleDropsTheEchoEveryPacketIsLost() {
        rules.put(server, (hook, ns, skb) -> hook == Hook.INPUT && skb.header().protocol() == Protocol.ICMP
                ? new HookResult(new HookVerdict.Drop("filter INPUT -p icmp -j DROP"), List.of()) : HookResult.ACCEPTED);

        CommandResult result = shell.run("ping -c 2 -W 1 10.9.0.2");

        assertThat(result).isEqualTo(new CommandResult("""
                PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.

                --- 10.9.0.2 ping statistics ---
                2 packets transmitted, 0 received, 100% packet loss, time 1001ms

                """, "", 1));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void withoutACountItStopsAfterFour() {
        assertThat(shell.run("ping -q 10.9.0.2").stdout()).contains("4 packets transmitted, 4 received");
    }

    @Test
    void refusesWhatIputilsRefuses() {
        assertThat(shell.run("ping")).isEqualTo(CommandResult.error("ping: usage error: Destination address required\n", 1));
        assertThat(shell.run("ping -c 0 10.9.0.2")).isEqualTo(CommandResult.error(
                "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1));
        assertThat(shell.run("ping -c abc 10.9.0.2")).isEqualTo(CommandResult.error("ping: invalid argument: 'abc'\n", 1));
        assertThat(shell.run("ping nosuch")).isEqualTo(CommandResult.error("ping: nosuch: Name or service not known\n", 2));
        assertThat(shell.run("ping -c 1 8.8.8.8")).isEqualTo(CommandResult.error("ping: connect: Network is unreachable\n", 2));
        assertThat(shell.run("ping -x 10.9.0.2").exitCode()).isEqualTo(2);
    }
}
