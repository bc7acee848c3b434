package org.laymanlabs.sandbox.kube.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.DnsReply;
import org.laymanlabs.sandbox.net.dns.HostsFile;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;
import org.laymanlabs.sandbox.net.dns.StubResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.DatagramExchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.curl.CurlCommand;
import org.laymanlabs.sandbox.net.trace.TracePrinter;
import org.laymanlabs.sandbox.shell.CommandLineShell;

/**
 * Cluster DNS end to end: the kubeadm add-on's two coredns pods run CoreDns in their containers,
 * and a client pod asks the kube-dns Service's address with real datagrams, which kube-proxy's
 * rules DNAT to one of them.
 */
@DisplayName("CoreDNS behind the kube-dns Service")
class CoreDnsTest {

    private static final String POD_RESOLV_CONF = """
            search default.svc.cluster.local svc.cluster.local cluster.local
            nameserver 10.96.0.10
            options ndots:5
            """;

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    private final Cluster cluster = sandbox.cluster();
    private final Connector connector = new Connector(new Ipv4Stack(sandbox.network(), cluster.netfilters()),
            new SplittableRandom(7), sandbox.clock());
    private final DnsClient dns = new DnsClient(connector, sandbox.clock(), new SplittableRandom(8));
    private final String frontendIp;

    CoreDnsTest() {
        run("kubectl create deployment frontend --image=nginx:1.27 --replicas=3");
        run("kubectl expose deployment frontend --name=frontend-svc --port=80 --target-port=5000");
        run("kubectl create deployment db --image=redis:7 --replicas=2");
        run("kubectl run client --image=busybox:1.36 -- sleep 3600");
        create(new ServiceBuilder().withNewMetadata().withName("db").withNamespace("default").endMetadata().withNewSpec()
                .withClusterIP("None").withSelector(Map.of("app", "db")).addNewPort().withName("redis").withPort(6379)
                .withProtocol("TCP").withTargetPort(new IntOrString(6379)).endPort().endSpec().build());
        create(new ServiceBuilder().withNewMetadata().withName("ext").withNamespace("default").endMetadata().withNewSpec()
                .withType("ExternalName").withExternalName("example.com").endSpec().build());
        sandbox.clock().advance(Duration.ofSeconds(5));
        frontendIp = cluster.api().get(Service.class, "default", "frontend-svc").orElseThrow().getSpec().getClusterIP();
    }

    /** What each coredns pod's container printed, as kubectl logs shows it. */
    private List<List<String>> corednsLogs() {
        List<List<String>> logs = new ArrayList<>();
        for (Pod pod : cluster.api().list(Pod.class, "kube-system")) {
            if ("kube-dns".equals(pod.getMetadata().getLabels().get("k8s-app"))) {
                CommandResult result = sandbox.shell().run("kubectl logs -n kube-system " + pod.getMetadata().getName());
                logs.add((result.stdout() + result.stderr()).lines().toList());
            }
        }
        return logs;
    }

    private void run(String line) {
        assertThat(sandbox.shell().run(line).exitCode()).as(line).isZero();
    }

    private void create(Service service) {
        cluster.api().await(cluster.api().create(service));
    }

    private NetworkNamespace namespaceOf(Pod pod) {
        return cluster.kubelet(pod.getSpec().getNodeName()).podNamespace(pod.getMetadata().getUid()).orElseThrow();
    }

    private NetworkNamespace client() {
        return namespaceOf(cluster.api().get(Pod.class, "default", "client").orElseThrow());
    }

    private Message ask(String name, RrType type) {
        DnsReply reply = dns.ask(client(), Ipv4Address.parse("10.96.0.10"), dns.query(Question.in(name, type), 0),
                Duration.ofSeconds(5), false);
        assertThat(reply).isInstanceOf(DnsReply.Answered.class);
        return ((DnsReply.Answered) reply).message();
    }

    private StubResolver resolver() {
        return new StubResolver(dns, this::client, () -> ResolverConfig.parse(POD_RESOLV_CONF), () -> HostsFile.EMPTY);
    }

    private List<String> corednsPodIps() {
        return cluster.api().list(Pod.class, "kube-system").stream()
                .filter(p -> "kube-dns".equals(p.getMetadata().getLabels().get("k8s-app")))
                .map(p -> p.getStatus().getPodIP()).toList();
    }

    @Test
    void theAddonRunsTwoCorednsPodsBehindTheKubeDnsService() {
        assertThat(corednsLogs()).hasSize(2).allSatisfy(log -> assertThat(log).startsWith(".:53").contains("CoreDNS-1.11.3"));
    }

    @Test
    void aServiceFullNameResolvesToItsClusterIp() {
        Message answer = ask("frontend-svc.default.svc.cluster.local", RrType.A);

        assertThat(answer.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.header().authoritative()).isTrue();
        assertThat(answer.header().recursionAvailable()).isFalse();
        assertThat(answer.answers()).containsExactly(ResourceRecord.in("frontend-svc.default.svc.cluster.local", 30,
                new RData.A(Ipv4Address.parse(frontendIp))));
    }

    @Test
    void theShortNameResolvesThroughThePodsSearchPath() {
        assertThat(resolver().lookup("frontend-svc")).contains(Ipv4Address.parse(frontendIp));
        assertThat(resolver().lookup("frontend-svc.default")).contains(Ipv4Address.parse(frontendIp));
        assertThat(resolver().lookup("nosuch")).isEmpty();
    }

    @Test
    void kubeProxyWritesTheKubeDnsUdpRulesAsTheRealOneDoes() {
        String nat = sandbox.shell().run("node-shell worker-1 iptables-save -t nat").stdout();

        // The chain hashes are kube-proxy's: sha256 of "kube-system/kube-dns:dns" + "udp", base32, 16 characters.
        assertThat(nat).contains("-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment \"kube-system/kube-dns:dns cluster IP\" "
                        + "-m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU\n")
                .contains("-A KUBE-SERVICES -d 10.96.0.10/32 -p tcp -m comment --comment \"kube-system/kube-dns:dns-tcp cluster IP\" "
                        + "-m tcp --dport 53 -j KUBE-SVC-ERIFXISQEP7F7OF4\n")
                .contains("-m tcp --dport 9153 -j KUBE-SVC-JD5MR3NA4I4DYORP\n")
                .containsPattern("-A KUBE-SEP-\\w{16} -p udp -m comment --comment \"kube-system/kube-dns:dns\" -m udp "
                        + "-j DNAT --to-destination 10\\.244\\.\\d+\\.\\d+:53\n");
    }

    @Test
    void curlInAPodFindsTheServiceByItsShortNameThroughDns() {
        CommandResult curl = CommandLineShell.withBuiltinsAnd(List.of(new CurlCommand(connector, sandbox.clock(),
                this::client, resolver()))).run("curl -v -sS http://frontend-svc/");

        // The name resolved to the ClusterIP; no container listens yet behind it (the kubelet runs none).
        assertThat(curl.stderr()).startsWith("*   Trying " + frontendIp + ":80...\n");
    }

    @Test
    void theQueryCrossesKubeServicesKubeSvcAndKubeSepToACorednsPod() {
        Message query = dns.query(Question.in("frontend-svc.default.svc.cluster.local", RrType.A), 0);

        DatagramExchange exchange = connector.udp().exchange(client(), Ipv4Address.parse("10.96.0.10"), 53,
                query.encode(), Duration.ofSeconds(5));

        assertThat(exchange).isInstanceOf(DatagramExchange.Answered.class);
        String path = TracePrinter.print("query", exchange.request());
        assertThat(path).contains("nat KUBE-SERVICES").contains("kube-system/kube-dns:dns cluster IP")
                .containsPattern("nat KUBE-SVC-\\w{16}").containsPattern("nat KUBE-SEP-\\w{16}")
                .containsPattern("DNAT: udp 10\\.244\\.\\d+\\.\\d+:\\d+ -> 10\\.96\\.0\\.10:53  =>  udp 10\\.244\\.\\d+\\.\\d+:\\d+ -> 10\\.244\\.\\d+\\.\\d+:53");
        String server = ((DatagramExchange.Answered) exchange).server().name();
        assertThat(corednsPodIps()).anyMatch(ip -> ((DatagramExchange.Answered) exchange).server().isLocal(Ipv4Address.parse(ip)));
        String node = cluster.api().get(Pod.class, "default", "client").orElseThrow().getSpec().getNodeName();
        List<String> conntrack = cluster.netfilters().of(cluster.machine(node).orElseThrow()).conntrack().list(sandbox.clock().now());
        assertThat(conntrack).anyMatch(line -> line.startsWith("udp      17 30 ") && line.contains("dst=10.96.0.10 ")
                && line.contains("dport=53 ") && corednsPodIps().stream().anyMatch(ip -> line.contains(" src=" + ip + " ")));
        assertThat(server).isNotEmpty();
    }

    @Test
    void anUnknownServiceIsNxdomainWithTheZonesSoa() {
        Message answer = ask("nosuch.default.svc.cluster.local", RrType.A);

        assertThat(answer.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(answer.answers()).isEmpty();
        assertThat(answer.authority()).singleElement().satisfies(soa -> {
            assertThat(soa.name()).isEqualTo("cluster.local.");
            assertThat(soa.data().text()).matches("ns\\.dns\\.cluster\\.local\\. hostmaster\\.cluster\\.local\\. \\d+ 7200 1800 86400 30");
        });
    }

    @Test
    void aHeadlessServiceAnswersWithItsReadyPodsAddresses() {
        List<String> dbIps = cluster.api().list(Pod.class, "default").stream()
                .filter(p -> "db".equals(p.getMetadata().getLabels().get("app"))).map(p -> p.getStatus().getPodIP()).toList();

        Message answer = ask("db.default.svc.cluster.local", RrType.A);

        assertThat(answer.answers()).extracting(r -> r.data().text()).containsExactlyInAnyOrderElementsOf(dbIps);
        String first = dbIps.get(0);
        assertThat(ask(first.replace('.', '-') + ".db.default.svc.cluster.local", RrType.A).answers())
                .extracting(r -> r.data().text()).containsExactly(first);
    }

    @Test
    void srvRecordsNameTheServiceAndItsPortWithTheTargetsAddressAsAdditional() {
        Message clusterIp = ask("_http._tcp.frontend-svc.default.svc.cluster.local", RrType.SRV);
        assertThat(clusterIp.rcode()).isEqualTo(Rcode.NXDOMAIN);

        Message named = ask("_redis._tcp.db.default.svc.cluster.local", RrType.SRV);
        assertThat(named.answers()).hasSize(2).allSatisfy(r -> assertThat(r.data().text())
                .matches("0 50 6379 10-244-\\d+-\\d+\\.db\\.default\\.svc\\.cluster\\.local\\."));
        assertThat(named.additional()).hasSize(2);

        Message all = ask("frontend-svc.default.svc.cluster.local", RrType.SRV);
        assertThat(all.answers()).extracting(r -> r.data().text()).containsExactly("0 100 80 frontend-svc.default.svc.cluster.local.");
        assertThat(all.additional()).extracting(r -> r.data().text()).containsExactly(frontendIp);
    }

    @Test
    void anExternalNameServiceIsACname() {
        Message answer = ask("ext.default.svc.cluster.local", RrType.A);

        assertThat(answer.answers()).containsExactly(ResourceRecord.in("ext.default.svc.cluster.local", 30,
                new RData.Cname("example.com")));
    }

    @Test
    void podNamesAndReverseLookupsOfServiceAddresses() {
        assertThat(ask("10-244-1-9.default.pod.cluster.local", RrType.A).answers()).extracting(r -> r.data().text())
                .containsExactly("10.244.1.9");
        String[] o = frontendIp.split("\\.");
        assertThat(ask(o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa", RrType.PTR).answers())
                .extracting(r -> r.data().text()).containsExactly("frontend-svc.default.svc.cluster.local.");
    }

    @Test
    void aNameOutsideTheClusterIsForwardedToTheNodesResolverWhereNothingAnswersSoServfail() {
        Instant start = sandbox.clock().now();

        Message answer = ask("example.com", RrType.A);

        // The datagram really goes to 192.168.49.1:53 and nothing there answers: the forward plugin's 2 s read timeout.
        assertThat(answer.rcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(Duration.between(start, sandbox.clock().now())).isEqualTo(Duration.ofSeconds(2));
        assertThat(corednsLogs()).anySatisfy(log -> assertThat(log).anyMatch(line -> line.matches(
                "\\[ERROR\\] plugin/errors: 2 example\\.com\\. A: read udp 10\\.244\\.\\d+\\.\\d+:\\d+->192\\.168\\.49\\.1:53: i/o timeout")));
    }

    @Test
    void answersAreCachedForThirtySecondsCountingDown() {
        ask("frontend-svc.default.svc.cluster.local", RrType.A);
        ask("frontend-svc.default.svc.cluster.local", RrType.A);
        run("kubectl delete service frontend-svc");
        sandbox.clock().advance(Duration.ofSeconds(10));

        // Each CoreDNS pod has its own cache; whichever answers still knows the deleted Service, 10 s older.
        List<Long> ttls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ttls.add(ask("frontend-svc.default.svc.cluster.local", RrType.A).answers().stream().findFirst()
                    .map(ResourceRecord::ttl).orElse(-1L));
        }
        assertThat(ttls).contains(20L);
        sandbox.clock().advance(Duration.ofSeconds(21));
        assertThat(ask("frontend-svc.default.svc.cluster.local", RrType.A).rcode()).isEqualTo(Rcode.NXDOMAIN);
    }
}
