package org.laymanlabs.sandbox.net.ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
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
import org.laymanlabs.sandbox.net.curl.CurlCommand;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * Real iptables rules on the real path: Docker's published port (FIDELITY.md §2) is a DNAT in
 * the host's nat table, and the answer is un-NATed by conntrack on the way back.
 */
@DisplayName("A packet meets the namespace's iptables rules on its way")
class NetfilterPathTest {

    private static final String DOCKER_NAT = """
            *nat
            :PREROUTING ACCEPT [0:0]
            :INPUT ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :POSTROUTING ACCEPT [0:0]
            :DOCKER - [0:0]
            -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
            -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
            -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
            -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
            COMMIT
            """;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(4));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(8));
    private final Ipv4Stack stack = new Ipv4Stack(network, netfilters);
    private final NetworkNamespace host = namespace("host");
    private final NetworkNamespace neighbour = namespace("neighbour");
    private final Workspace workspace = new Workspace();

    NetfilterPathTest() {
        Link eth0 = network.addEthernet(host, "eth0");
        Link other = network.addEthernet(neighbour, "eth0");
        network.plugIntoSegment(eth0, "lan");
        network.plugIntoSegment(other, "lan");
        address(host, eth0, "192.168.1.20/24");
        address(neighbour, other, "192.168.1.30/24");
        Link docker0 = network.addBridge(host, "docker0");
        address(host, docker0, "172.17.0.1/16");
        host.setIpForward(true);
        NetworkNamespace web = namespace("web");
        Link hostEnd = network.addVethPair(host, "veth-web", web, "eth0");
        network.enslave(hostEnd, docker0);
        host.setUp(hostEnd, true);
        address(web, web.requireLink("eth0"), "172.17.0.2/16");
        web.addRoute(new Route(RouteType.UNICAST, Cidr.parse("0.0.0.0/0"), Optional.of(Ipv4Address.parse("172.17.0.1")),
                "eth0", Optional.empty(), RouteProtocol.BOOT, RouteScope.GLOBAL, 0));
        web.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 80, "nginx", (request, peer) ->
                HttpResponse.of(200, "OK", List.of(), "nginx saw " + peer.address() + "\n").toWire()));
    }

    private NetworkNamespace namespace(String name) {
        NetworkNamespace ns = network.createNamespace(name, false);
        ns.setUp(ns.requireLink("lo"), true);
        return ns;
    }

    private static void address(NetworkNamespace ns, Link link, String cidr) {
        ns.addAddress(link, InterfaceAddress.withBroadcast(Cidr.parse(cidr), RouteScope.GLOBAL));
        ns.setUp(link, true);
    }

    private CommandLineShell shellIn(NetworkNamespace ns) {
        Connector connector = new Connector(stack, new SplittableRandom(6), clock);
        return CommandLineShell.withBuiltinsAnd(List.of(
                new IptablesCommand(netfilters.of(host)), new IptablesRestoreCommand(netfilters.of(host)),
                new CurlCommand(connector, clock, () -> ns, HostResolver.LITERALS_ONLY)), workspace);
    }

    private void publishPort8080() {
        workspace.write(Workspace.HOME + "/docker-nat.rules", DOCKER_NAT);
        assertThat(shellIn(host).run("iptables-restore --noflush < docker-nat.rules")).isEqualTo(CommandResult.ok(""));
    }

    @Test
    void withoutTheDnatRuleNothingListensOnThePublishedPort() {
        assertThat(shellIn(neighbour).run("curl -s 192.168.1.20:8080").exitCode()).isEqualTo(7);
    }

    @Test
    void aMachineOnTheLanReachesThePublishedPortThroughPreroutingDnat() {
        publishPort8080();

        assertThat(shellIn(neighbour).run("curl -s 192.168.1.20:8080").stdout()).isEqualTo("nginx saw 192.168.1.30\n");
        assertThat(shellIn(host).run("iptables -t nat -L DOCKER -v -n -x").stdout())
                .containsPattern("(?m)^ +1 +60 DNAT .*tcp dpt:8080 to:172.17.0.2:80$");
    }

    @Test
    void theHostItselfReachesItThroughOutputDnatAndTheAnswerIsUnNatted() {
        publishPort8080();

        Exchange exchange = new Connector(stack, new SplittableRandom(1), clock)
                .exchange(host, Ipv4Address.parse("192.168.1.20"), 8080, "GET / HTTP/1.1\r\n\r\n");

        assertThat(exchange).isInstanceOf(Exchange.Answered.class);
        assertThat(exchange.request().events()).anySatisfy(event -> assertThat(event)
                .isInstanceOfSatisfying(org.laymanlabs.sandbox.net.trace.TraceEvent.Rewritten.class, rewritten -> {
                    assertThat(rewritten.kind()).isEqualTo("DNAT");
                    assertThat(rewritten.after().destination()).isEqualTo(Ipv4Address.parse("172.17.0.2"));
                }));
        assertThat(exchange.request().hooks()).startsWith("host:OUTPUT", "host:POSTROUTING", "web:PREROUTING");
    }

    @Test
    void flushingTheNatTableBreaksThePublishedPortAgain() {
        publishPort8080();

        shellIn(host).run("iptables -t nat -F");

        assertThat(shellIn(neighbour).run("curl -s 192.168.1.20:8080").exitCode()).isEqualTo(7);
    }

    @Test
    void aRejectRuleInFilterInputRefusesAtOnceAndADropLetsTheClientWait() {
        shellIn(host).run("iptables -A INPUT -p tcp --dport 22 -j REJECT");
        shellIn(host).run("iptables -A INPUT -p tcp --dport 23 -j DROP");
        host.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 22, "sshd", (r, p) -> ""));
        host.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 23, "telnetd", (r, p) -> ""));

        assertThat(shellIn(neighbour).run("curl 192.168.1.20:22").stderr())
                .isEqualTo("curl: (7) Failed to connect to 192.168.1.20 port 22 after 0 ms: Couldn't connect to server\n");
        assertThat(shellIn(neighbour).run("curl -m 5 192.168.1.20:23").stderr())
                .isEqualTo("curl: (28) Connection timed out after 5000 milliseconds\n");
    }
}
