package org.laymanlabs.sandbox.net.dnsutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * dig, bind's nslookup and busybox's nslookup in a pod-like namespace, against a server that
 * answers as CoreDNS does (AA set, RA clear, the zone's SOA with a denial, EDNS echoed).
 */
@DisplayName("dig and nslookup print what bind9 9.18 and busybox 1.36 print")
class DnsutilsTest {

    private static final String RESOLV_CONF = """
            search default.svc.cluster.local svc.cluster.local cluster.local
            nameserver 10.96.0.10
            options ndots:5
            """;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(1));
    private final Connector connector = new Connector(new Ipv4Stack(network,
            new NamespaceNetfilters(clock, new SplittableRandom(2))), new SplittableRandom(3), clock);
    private final NetworkNamespace host = network.createNamespace("host", false);
    private final Map<String, String> zone = Map.of("frontend-svc.default.svc.cluster.local.", "10.96.12.34");

    DnsutilsTest() {
        CommandLineShell ip = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));
        for (String line : List.of("ip netns add pod", "ip netns add dns",
                "ip link add eth0 netns pod type veth peer name eth0 netns dns",
                "ip -n pod addr add 10.96.0.2/24 dev eth0", "ip -n pod link set eth0 up",
                "ip -n dns addr add 10.96.0.10/24 dev eth0", "ip -n dns link set eth0 up")) {
            assertThat(ip.run(line)).as(line).isEqualTo(CommandResult.ok(""));
        }
        namespace("dns").sockets().bind(Ipv4Address.ANY, 53, "coredns", (payload, from) -> Optional.of(answer(payload)));
    }

    private byte[] answer(byte[] payload) {
        Message query = Message.decode(payload);
        Question q = query.question().orElseThrow();
        String address = zone.get(q.name());
        ResourceRecord soa = ResourceRecord.in("cluster.local", 30, new RData.Soa("ns.dns.cluster.local",
                "hostmaster.cluster.local", 1764147600L, 7200, 1800, 86400, 30));
        Message reply;
        if (address == null) {
            reply = new Message(query.header().answer(true, false, Rcode.NXDOMAIN), query.questions(), List.of(),
                    List.of(soa), List.of());
        } else if (q.type().equals(RrType.A)) {
            reply = new Message(query.header().answer(true, false, Rcode.NOERROR), query.questions(),
                    List.of(ResourceRecord.in(q.name(), 30, new RData.A(Ipv4Address.parse(address)))), List.of(), List.of());
        } else {
            reply = new Message(query.header().answer(true, false, Rcode.NOERROR), query.questions(), List.of(),
                    List.of(soa), List.of());
        }
        return (query.opt().isPresent() ? reply.withAdditional(ResourceRecord.opt(1232)) : reply).encode();
    }

    private NetworkNamespace namespace(String name) {
        return network.namespace(name).orElseThrow();
    }

    private CommandResult run(String line) {
        DnsClient client = new DnsClient(connector, clock, new SplittableRandom(4));
        return CommandLineShell.withBuiltinsAnd(List.of(
                new Dig(client, () -> namespace("pod"), () -> RESOLV_CONF, clock),
                new Nslookup(client, () -> namespace("pod"), () -> RESOLV_CONF))).run(line);
    }

    private CommandResult busybox(String line) {
        DnsClient client = new DnsClient(connector, clock, new SplittableRandom(4));
        return CommandLineShell.withBuiltinsAnd(List.of(
                new BusyboxNslookup(client, () -> namespace("pod"), () -> RESOLV_CONF))).run(line);
    }

    @Test
    void digPrintsTheAnswerSectionAndTheServerItAsked() {
        CommandResult dig = run("dig frontend-svc.default.svc.cluster.local");

        assertThat(dig.stdout().replaceAll("id: \\d+", "id: ID")).isEqualTo("""

                ; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> frontend-svc.default.svc.cluster.local
                ;; global options: +cmd
                ;; Got answer:
                ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID
                ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
                ;; WARNING: recursion requested but not available

                ;; OPT PSEUDOSECTION:
                ; EDNS: version: 0, flags:; udp: 1232
                ;; QUESTION SECTION:
                ;frontend-svc.default.svc.cluster.local. IN A

                ;; ANSWER SECTION:
                frontend-svc.default.svc.cluster.local.\t30 IN A\t10.96.12.34

                ;; Query time: 0 msec
                ;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
                ;; WHEN: Thu Nov 26 09:00:00 UTC 2026
                ;; MSG SIZE  rcvd: 83

                """);
        assertThat(dig.exitCode()).isZero();
    }

    @Test
    void digShowsAnNxdomainWithTheSoaInTheAuthoritySection() {
        CommandResult dig = run("dig nosuch.default.svc.cluster.local");

        assertThat(dig.stdout()).contains(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ")
                .contains(";nosuch.default.svc.cluster.local. IN\tA\n")
                .contains(";; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. "
                        + "1764147600 7200 1800 86400 30\n");
        assertThat(dig.exitCode()).isZero();
        assertThat(run("dig +short frontend-svc.default.svc.cluster.local").stdout()).isEqualTo("10.96.12.34\n");
    }

    @Test
    void digWithNobodyListeningSaysNoServersCouldBeReached() {
        CommandResult dig = run("dig @10.96.0.99 frontend-svc");

        assertThat(dig.exitCode()).isEqualTo(9);
        assertThat(dig.stdout()).endsWith("; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> @10.96.0.99 frontend-svc\n"
                + "; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n\n");
    }

    @Test
    void bindsNslookupWalksTheSearchListAsNdotsSays() {
        CommandResult found = run("nslookup frontend-svc");

        assertThat(found.stdout()).isEqualTo("""
                Server:\t\t10.96.0.10
                Address:\t10.96.0.10#53

                Name:\tfrontend-svc.default.svc.cluster.local
                Address: 10.96.12.34

                """);
        assertThat(run("nslookup nosuch.default.svc.cluster.local").stdout()).isEqualTo("""
                Server:\t\t10.96.0.10
                Address:\t10.96.0.10#53

                ** server can't find nosuch.default.svc.cluster.local: NXDOMAIN

                """);
        assertThat(run("nslookup nosuch").exitCode()).isEqualTo(1);
    }

    @Test
    void busyboxNslookupAsksEverySearchDomainAndPrintsEveryReply() {
        CommandResult found = busybox("nslookup frontend-svc");

        assertThat(found.stdout()).isEqualTo("""
                Server:\t\t10.96.0.10
                Address:\t10.96.0.10:53

                Name:\tfrontend-svc.default.svc.cluster.local
                Address: 10.96.12.34

                ** server can't find frontend-svc.svc.cluster.local: NXDOMAIN

                ** server can't find frontend-svc.cluster.local: NXDOMAIN

                *** Can't find frontend-svc.default.svc.cluster.local: No answer

                ** server can't find frontend-svc.svc.cluster.local: NXDOMAIN

                ** server can't find frontend-svc.cluster.local: NXDOMAIN

                """);
        assertThat(found.exitCode()).isEqualTo(1);
    }

    @Test
    void busyboxNslookupIgnoresNdotsSoANameWithADotIsAskedAsIs() {
        assertThat(busybox("nslookup frontend-svc.default").stdout()).contains(
                "** server can't find frontend-svc.default: NXDOMAIN\n");
    }
}
