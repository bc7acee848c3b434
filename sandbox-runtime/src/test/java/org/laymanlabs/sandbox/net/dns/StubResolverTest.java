package org.laymanlabs.sandbox.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.laymanlabs.sandbox.net.iproute.IpCommand;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * glibc's getaddrinfo against a small DNS server two namespaces away. The order of the names
 * asked is checked against what glibc 2.36 really asked on this machine with the same
 * resolv.conf (src/test/resources/dns/glibc-2.36-queries.txt), and the timeouts against a
 * silent server there: {@code timeout:2 attempts:2} failed with EAI_AGAIN after 4 s, two queries 2 s apart.
 */
@DisplayName("The stub resolver, as glibc's")
class StubResolverTest {

    private static final String POD_RESOLV_CONF = """
            search default.svc.cluster.local svc.cluster.local cluster.local
            nameserver 10.0.0.53
            options ndots:5
            """;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(1));
    private final Ipv4Stack stack = new Ipv4Stack(network, new NamespaceNetfilters(clock, new SplittableRandom(2)));
    private final Connector connector = new Connector(stack, new SplittableRandom(3), clock);
    private final NetworkNamespace host = network.createNamespace("host", false);
    private final List<String> asked = new ArrayList<>();
    private final Map<String, String> zone = Map.of("frontend-svc.default.svc.cluster.local.", "10.96.12.34",
            "a.b.c.d.e.f.", "10.1.2.3");
    private Listener server;

    StubResolverTest() {
        CommandLineShell ip = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));
        for (String line : List.of("ip netns add pod", "ip netns add dns",
                "ip link add eth0 netns pod type veth peer name eth0 netns dns",
                "ip -n pod addr add 10.0.0.2/24 dev eth0", "ip -n pod link set eth0 up",
                "ip -n dns addr add 10.0.0.53/24 dev eth0", "ip -n dns link set eth0 up")) {
            assertThat(ip.run(line)).as(line).isEqualTo(CommandResult.ok(""));
        }
        server = namespace("dns").sockets().bind(Ipv4Address.ANY, 53, "dns", (payload, from) -> {
            Message query = Message.decode(payload);
            Question q = query.question().orElseThrow();
            asked.add(q.name());
            String address = zone.get(q.name());
            Rcode rcode = address == null ? Rcode.NXDOMAIN : Rcode.NOERROR;
            List<ResourceRecord> answers = address == null ? List.of()
                    : List.of(ResourceRecord.in(q.name(), 30, new RData.A(Ipv4Address.parse(address))));
            return Optional.of(new Message(query.header().answer(true, true, rcode), query.questions(), answers,
                    List.of(), List.of()).encode());
        });
    }

    private NetworkNamespace namespace(String name) {
        return network.namespace(name).orElseThrow();
    }

    private StubResolver resolver(String resolvConf, String hosts) {
        return new StubResolver(new DnsClient(connector, clock, new SplittableRandom(4)), () -> namespace("pod"),
                () -> ResolverConfig.parse(resolvConf), () -> new HostsFile(hosts));
    }

    /** The names glibc asked, grouped by the name given to getaddrinfo, from the capture. */
    private static List<String> glibcAsked(String from, String until) throws IOException {
        try (InputStream in = StubResolverTest.class.getResourceAsStream("/dns/glibc-2.36-queries.txt")) {
            List<String> names = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(l -> l.split(" ")[0] + ".").toList();
            int start = names.indexOf(from);
            int end = until == null ? names.size() : names.subList(start + 1, names.size()).indexOf(until) + start + 1;
            return names.subList(start, end);
        }
    }

    @Test
    void aShortNameGoesThroughTheSearchListAndTheFirstHitAnswers() {
        Resolution result = resolver(POD_RESOLV_CONF, "").getaddrinfo("frontend-svc");

        assertThat(result).isEqualTo(new Resolution.Found("frontend-svc.default.svc.cluster.local.",
                List.of(Ipv4Address.parse("10.96.12.34"))));
        assertThat(asked).containsExactly("frontend-svc.default.svc.cluster.local.");
    }

    @Test
    void anUnknownNameTriesEverySearchDomainThenItselfAsGlibcDoes() throws IOException {
        assertThat(resolver(POD_RESOLV_CONF, "").getaddrinfo("nosuch"))
                .isEqualTo(new Resolution.Failed(Resolution.Failure.NONAME));

        assertThat(asked).isEqualTo(glibcAsked("nosuch.default.svc.cluster.local.", "a.b.c.d.e.f."));
    }

    @Test
    void withFewerDotsThanNdotsEvenAFullServiceNameIsSearchedFirst() throws IOException {
        resolver(POD_RESOLV_CONF, "").getaddrinfo("nosuch.default");

        assertThat(asked).isEqualTo(glibcAsked("nosuch.default.default.svc.cluster.local.", null));
    }

    @Test
    void aNameWithNdotsDotsIsTriedAsIsFirst() throws IOException {
        assertThat(resolver(POD_RESOLV_CONF, "").lookup("a.b.c.d.e.f")).contains(Ipv4Address.parse("10.1.2.3"));

        assertThat(asked).containsExactly(glibcAsked("a.b.c.d.e.f.", "example.com.").get(0));
    }

    @Test
    void aTrailingDotMeansOnlyTheNameItself() {
        assertThat(resolver(POD_RESOLV_CONF, "").getaddrinfo("example.com."))
                .isEqualTo(new Resolution.Failed(Resolution.Failure.NONAME));

        assertThat(asked).containsExactly("example.com.");
    }

    @Test
    void etcHostsAnswersBeforeAnyQuery() {
        assertThat(resolver(POD_RESOLV_CONF, "127.0.0.1\tlocalhost\n10.244.1.7\tweb-0.web.default.svc.cluster.local\tweb-0\n")
                .lookup("WEB-0")).contains(Ipv4Address.parse("10.244.1.7"));

        assertThat(asked).isEmpty();
    }

    @Test
    void aSilentServerCostsTimeoutTimesAttemptsThenEaiAgain() {
        namespace("dns").sockets().close(server);
        namespace("dns").sockets().bind(Ipv4Address.ANY, 53, "dns", (payload, from) -> Optional.empty());
        Instant start = clock.now();

        Resolution result = resolver("nameserver 10.0.0.53\noptions timeout:2 attempts:2\n", "").getaddrinfo("x.");

        assertThat(result).isEqualTo(new Resolution.Failed(Resolution.Failure.AGAIN));
        assertThat(Duration.between(start, clock.now())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aPortUnreachableEndsTheSearchAtOnce() {
        namespace("dns").sockets().close(server);
        Instant start = clock.now();

        assertThat(resolver(POD_RESOLV_CONF, "").getaddrinfo("frontend-svc"))
                .isEqualTo(new Resolution.Failed(Resolution.Failure.AGAIN));
        assertThat(clock.now()).isEqualTo(start);
    }

    @Test
    void resolvConfIsReadAsGlibcReadsIt() {
        ResolverConfig conf = ResolverConfig.parse("""
                # comment
                nameserver 10.96.0.10
                nameserver not-an-address
                domain example.org
                search default.svc.cluster.local svc.cluster.local cluster.local
                options ndots:99 timeout:0 attempts:9 rotate
                """);

        assertThat(conf.nameservers()).containsExactly(Ipv4Address.parse("10.96.0.10"));
        assertThat(conf.search()).containsExactly("default.svc.cluster.local", "svc.cluster.local", "cluster.local");
        assertThat(conf.ndots()).isEqualTo(15);
        assertThat(conf.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(conf.attempts()).isEqualTo(5);
        assertThat(ResolverConfig.parse("").nameservers()).containsExactly(Ipv4Address.parse("127.0.0.1"));
    }
}
