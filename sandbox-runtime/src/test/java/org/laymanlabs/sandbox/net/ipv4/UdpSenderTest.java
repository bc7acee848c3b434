package org.laymanlabs.sandbox.net.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.trace.TraceCommand;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * UDP datagrams through a router that DNATs a virtual address to a server, as a Service's
 * ClusterIP is DNATed to a pod: the answer is un-DNATed by conntrack, a closed port answers with
 * ICMP port unreachable, and conntrack keeps the flow 30 s unless it lives on past two seconds.
 */
@DisplayName("UDP datagrams cross the stack both ways")
class UdpSenderTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(1));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(2));
    private final Ipv4Stack stack = new Ipv4Stack(network, netfilters);
    private final Connector connector = new Connector(stack, new SplittableRandom(3), clock);
    private final UdpSender udp = connector.udp();
    private final NetworkNamespace host = network.createNamespace("host", false);

    UdpSenderTest() {
        CommandLineShell ip = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));
        for (String line : List.of("ip netns add client", "ip netns add router", "ip netns add server",
                "ip link add eth0 netns client type veth peer name left netns router",
                "ip link add eth0 netns server type veth peer name right netns router",
                "ip -n client addr add 10.1.0.2/24 dev eth0", "ip -n client link set eth0 up",
                "ip -n client route add default via 10.1.0.1",
                "ip -n router addr add 10.1.0.1/24 dev left", "ip -n router link set left up",
                "ip -n router addr add 10.2.0.1/24 dev right", "ip -n router link set right up",
                "ip -n server addr add 10.2.0.2/24 dev eth0", "ip -n server link set eth0 up",
                "ip -n server route add default via 10.2.0.1")) {
            assertThat(ip.run(line)).as(line).isEqualTo(CommandResult.ok(""));
        }
        namespace("router").setIpForward(true);
        CommandLineShell iptables = CommandLineShell.withBuiltinsAnd(List.of(new IptablesCommand(netfilters.of(namespace("router")))));
        assertThat(iptables.run("iptables -t nat -A PREROUTING -d 10.96.0.10 -p udp --dport 53 -j DNAT --to-destination 10.2.0.2:5353")
                .exitCode()).isZero();
        namespace("server").sockets().bind(Ipv4Address.ANY, 5353, "echo-server",
                (payload, from) -> Optional.of(("echo " + new String(payload, StandardCharsets.US_ASCII) + " to "
                        + from.address()).getBytes(StandardCharsets.US_ASCII)));
        namespace("server").sockets().bind(Ipv4Address.ANY, 9, "discard", (payload, from) -> Optional.empty());
    }

    private NetworkNamespace namespace(String name) {
        return network.namespace(name).orElseThrow();
    }

    private DatagramExchange send(String to, int port, String text) {
        return udp.exchange(namespace("client"), Ipv4Address.parse(to), port, text.getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(5));
    }

    @Test
    void anAnswerToADnatedDatagramComesBackFromTheAddressTheClientSentTo() {
        DatagramExchange exchange = send("10.96.0.10", 53, "hello");

        assertThat(exchange).isInstanceOfSatisfying(DatagramExchange.Answered.class, answered -> {
            assertThat(new String(answered.payload(), StandardCharsets.US_ASCII)).isEqualTo("echo hello to 10.1.0.2");
            assertThat(answered.server().name()).isEqualTo("server");
        });
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @Test
    void conntrackKeepsAQueryAndItsAnswerForThirtySecondsWithoutAssuringIt() {
        send("10.96.0.10", 53, "hello");

        List<String> entries = netfilters.of(namespace("router")).conntrack().list(clock.now());

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).matches("udp      17 30 src=10\\.1\\.0\\.2 dst=10\\.96\\.0\\.10 sport=\\d+ dport=53 "
                + "src=10\\.2\\.0\\.2 dst=10\\.1\\.0\\.2 sport=5353 dport=\\d+ mark=0 use=1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(netfilters.of(namespace("router")).conntrack().list(clock.now())).isEmpty();
    }

    @Test
    void aClosedPortAnswersWithPortUnreachableWhichTheConnectedSocketSeesAsRefused() {
        DatagramExchange exchange = send("10.2.0.2", 5354, "hello");

        assertThat(exchange).isInstanceOfSatisfying(DatagramExchange.Failed.class, failed -> {
            assertThat(failed.errno()).isEqualTo("Connection refused");
            assertThat(failed.answer()).isPresent();
        });
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @Test
    void aServerThatSaysNothingCostsTheClientItsWholeTimeout() {
        DatagramExchange exchange = send("10.2.0.2", 9, "hello");

        assertThat(exchange).isInstanceOfSatisfying(DatagramExchange.TimedOut.class,
                silent -> assertThat(silent.socket()).map(s -> s.owner()).contains("discard"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-26T09:00:05Z"));
    }

    @Test
    void traceShowsTheDatagramDnatedOnTheWayAndUnDnatedOnTheWayBack() {
        CommandResult trace = CommandLineShell.withBuiltinsAnd(List.of(
                new TraceCommand(connector, () -> namespace("client"), HostResolver.LITERALS_ONLY))).run("trace -u 10.96.0.10:53");

        assertThat(trace.stdout()).containsPattern("DNAT: udp 10\\.1\\.0\\.2:\\d+ -> 10\\.96\\.0\\.10:53  =>  udp 10\\.1\\.0\\.2:\\d+ -> 10\\.2\\.0\\.2:5353")
                .contains("delivered to udp 0.0.0.0:5353 (echo-server)")
                .containsPattern("un-DNAT: udp 10\\.2\\.0\\.2:5353 -> 10\\.1\\.0\\.2:\\d+  =>  udp 10\\.96\\.0\\.10:53 -> 10\\.1\\.0\\.2:\\d+")
                .containsPattern("Result: answered by echo-server in server, which saw the client as 10\\.1\\.0\\.2:\\d+\n$");
        assertThat(trace.exitCode()).isZero();
    }

    @Test
    void traceOfAClosedUdpPortShowsThePortUnreachableComingBack() {
        CommandResult trace = CommandLineShell.withBuiltinsAnd(List.of(
                new TraceCommand(connector, () -> namespace("client"), HostResolver.LITERALS_ONLY))).run("trace -u 10.2.0.2:7");

        assertThat(trace.stdout()).contains("The ICMP error:").containsPattern("port-unreachable for udp 10\\.1\\.0\\.2:\\d+ -> 10\\.2\\.0\\.2:7")
                .endsWith("Result: refused (Connection refused)\n");
        assertThat(trace.exitCode()).isEqualTo(1);
    }
}
