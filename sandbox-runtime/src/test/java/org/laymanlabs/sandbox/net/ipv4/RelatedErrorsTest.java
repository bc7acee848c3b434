package org.laymanlabs.sandbox.net.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.curl.CurlCommand;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.ping.PingCommand;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.trace.TraceCommand;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * ICMP errors and resets are packets that travel back through every hop's rules, where conntrack
 * finds them RELATED to the connection they are about. Measured on Linux 6.18 with the same
 * topology (a client, a router with a FORWARD policy of DROP, a server): a REJECT behind
 * {@code --ctstate RELATED,ESTABLISHED -j ACCEPT} refuses at once, and the router's counters
 * show the errors passing as RELATED and the server's resets as ESTABLISHED.
 */
@DisplayName("ICMP errors and resets travel back as RELATED packets")
class RelatedErrorsTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(1));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(2));
    private final Ipv4Stack stack = new Ipv4Stack(network, netfilters);
    private final Connector connector = new Connector(stack, new SplittableRandom(3), clock);
    private final NetworkNamespace host = network.createNamespace("host", false);
    private final CommandLineShell ip = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));

    RelatedErrorsTest() {
        for (String line : List.of("ip netns add client", "ip netns add router", "ip netns add server",
                "ip -n client link set lo up", "ip -n router link set lo up", "ip -n server link set lo up",
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
        namespace("server").sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 84, "web",
                (request, peer) -> "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nhi\n"));
        router("-P FORWARD DROP");
        router("-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        router("-A FORWARD -p tcp --dport 81 -j REJECT");
        router("-A FORWARD -p tcp --dport 82 -j REJECT --reject-with icmp-host-prohibited");
        router("-A FORWARD -p icmp -d 10.2.0.2 -j REJECT");
        router("-A FORWARD -p tcp --dport 83 -j REJECT --reject-with tcp-reset");
        router("-A FORWARD -p tcp --dport 84:85 -j ACCEPT");
    }

    private NetworkNamespace namespace(String name) {
        return network.namespace(name).orElseThrow();
    }

    private CommandResult router(String iptables) {
        CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(new IptablesCommand(netfilters.of(namespace("router")))));
        CommandResult result = shell.run("iptables " + iptables);
        assertThat(result.exitCode()).as(iptables).isZero();
        return result;
    }

    private CommandResult fromClient(String line) {
        return CommandLineShell.withBuiltinsAnd(List.of(
                new CurlCommand(connector, clock, () -> namespace("client"), HostResolver.LITERALS_ONLY),
                new PingCommand(new Pinger(stack), clock, () -> namespace("client"), HostResolver.LITERALS_ONLY),
                new TraceCommand(connector, () -> namespace("client"), HostResolver.LITERALS_ONLY))).run(line);
    }

    @Test
    void aRejectBehindTheRelatedRuleRefusesTheConnectionAtOnce() {
        CommandResult curl = fromClient("curl -v -sS http://10.2.0.2:81/");

        assertThat(curl.stderr()).isEqualTo("""
                *   Trying 10.2.0.2:81...
                * connect to 10.2.0.2 port 81 failed: Connection refused
                * Failed to connect to 10.2.0.2 port 81 after 0 ms: Couldn't connect to server
                * Closing connection 0
                curl: (7) Failed to connect to 10.2.0.2 port 81 after 0 ms: Couldn't connect to server
                """);
        assertThat(curl.exitCode()).isEqualTo(7);
    }

    @Test
    void aProhibitedHostIsNoRouteToHost() {
        assertThat(fromClient("curl -v -sS http://10.2.0.2:82/").stderr())
                .contains("* connect to 10.2.0.2 port 82 failed: No route to host");
    }

    @Test
    void withoutTheRelatedRuleTheErrorIsNotForwardedAndTheClientTimesOut() {
        router("-D FORWARD 1");

        CommandResult curl = fromClient("curl -sS --max-time 2 http://10.2.0.2:84/");

        // The SYN passes (port 84 is accepted) but the server's answer is neither NEW to port 84 nor RELATED.
        assertThat(curl.stderr()).isEqualTo("curl: (28) Connection timed out after 2000 milliseconds\n");
    }

    @Test
    void theErrorsCrossTheRouterAsRelatedAndTheResetsAsEstablished() {
        fromClient("curl -sS http://10.2.0.2:81/");
        fromClient("curl -sS http://10.2.0.2:85/");

        String counters = router("-L FORWARD -v -n -x").stdout();

        // The REJECT's own error is generated on the router and leaves by OUTPUT; only the server's reset is forwarded.
        assertThat(counters).contains(
                "       1       40 ACCEPT     all  --  *      *       0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED");
        assertThat(fromClient("trace 10.2.0.2:81").stdout()).contains(
                "router  the kernel answers with icmp 10.1.0.1 -> 10.1.0.2 port-unreachable for tcp 10.1.0.2:",
                "The ICMP error:",
                "router  OUTPUT      ACCEPT [conntrack: RELATED]",
                "client  PREROUTING  ACCEPT (no rule matched) [conntrack: RELATED]",
                "Result: refused (Connection refused)");
    }

    @Test
    void theTraceShowsTheErrorsOwnPathAfterTheRejectedPacket() throws java.io.IOException {
        String golden;
        try (java.io.InputStream in = RelatedErrorsTest.class.getResourceAsStream("/org/laymanlabs/sandbox/net/trace/rejected-related.txt")) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        CommandResult trace = fromClient("trace 10.2.0.2:81");

        assertThat(trace.stdout()).isEqualTo(golden);
        assertThat(trace.exitCode()).isEqualTo(1);
    }

    @Test
    void pingPrintsTheErrorsThatComeBackAsIputilsDoes() {
        assertThat(fromClient("ping -c 2 10.2.0.2").stdout()).isEqualTo("""
                PING 10.2.0.2 (10.2.0.2) 56(84) bytes of data.
                From 10.1.0.1 icmp_seq=1 Destination Port Unreachable
                From 10.1.0.1 icmp_seq=2 Destination Port Unreachable

                --- 10.2.0.2 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1001ms

                """);
        assertThat(fromClient("ping -c 1 10.9.0.2").stdout())
                .contains("From 10.1.0.1 icmp_seq=1 Destination Net Unreachable");
        assertThat(fromClient("ping -c 1 -t 1 10.2.0.2").stdout())
                .contains("From 10.1.0.1 icmp_seq=1 Time to live exceeded");
    }

    @Test
    void anAbsentNeighbourIsReportedByTheRouterAfterItsArpGivesUp() {
        router("-A FORWARD -d 10.2.0.99 -j ACCEPT");
        Instant start = clock.now();

        assertThat(fromClient("ping -c 3 10.2.0.99").stdout()).isEqualTo("""
                PING 10.2.0.99 (10.2.0.99) 56(84) bytes of data.
                From 10.1.0.1 icmp_seq=1 Destination Host Unreachable
                From 10.1.0.1 icmp_seq=2 Destination Host Unreachable
                From 10.1.0.1 icmp_seq=3 Destination Host Unreachable

                --- 10.2.0.99 ping statistics ---
                3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2001ms
                pipe 3
                """);
        assertThat(fromClient("curl -sS http://10.2.0.99/").stderr())
                .isEqualTo("curl: (7) Failed to connect to 10.2.0.99 port 80 after 3000 ms: Couldn't connect to server\n");
        assertThat(clock.now()).isAfter(start.plusSeconds(7));
    }

    @Test
    void aRejectAfterDnatIsUnNatedInsideAndOutSoTheClientsSocketFindsIt() {
        CommandLineShell nat = CommandLineShell.withBuiltinsAnd(List.of(new IptablesCommand(netfilters.of(namespace("router")))));
        nat.run("iptables -t nat -A PREROUTING -d 10.2.0.50 -p tcp --dport 80 -j DNAT --to-destination 10.2.0.2:81");

        assertThat(fromClient("curl -sS http://10.2.0.50/").stderr())
                .isEqualTo("curl: (7) Failed to connect to 10.2.0.50 port 80 after 0 ms: Couldn't connect to server\n");
        assertThat(fromClient("trace 10.2.0.50:80").stdout()).contains(
                "un-DNAT: icmp 10.1.0.1 -> 10.1.0.2 port-unreachable for tcp 10.1.0.2:",
                " -> 10.2.0.2:81 [SYN]  =>  icmp 10.2.0.50 -> 10.1.0.2 port-unreachable for tcp 10.1.0.2:",
                " -> 10.2.0.50:80 [SYN]");
    }
}
