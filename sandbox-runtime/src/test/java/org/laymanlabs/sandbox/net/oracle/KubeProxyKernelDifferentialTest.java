package org.laymanlabs.sandbox.net.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.sandbox.CommandResult;

/**
 * The same kube-proxy topology and rules, once in real network namespaces on this machine's
 * kernel and once in the sandbox; every scenario compares what the two answer. The topology
 * and rules are shared/oracle's: a node routing for a client pod and three endpoint pods,
 * with the Service default/web (10.96.0.10:80, NodePort 30080) in kube-proxy's own format.
 */
@DisplayName("kube-proxy's rules do in the sandbox what they do in the Linux kernel")
class KubeProxyKernelDifferentialTest {

    private static final String PREFIX = "ll" + (ProcessHandle.current().pid() % 100000) + "-";
    private static final String NODE = PREFIX + "node";
    private static final String CLIENT = PREFIX + "client";
    private static final List<String> ENDPOINTS = java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(i -> PREFIX + "ep" + i).toList();
    private static final String CLUSTER_IP = "10.96.0.10";
    /** Long enough for one SYN retransmission (at 1 s), as the real client gets with --max-time 2. */
    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(2);

    private RealKernel kernel;
    private final SimulatedKernel sim = new SimulatedKernel();
    private String serverScript;

    private int endpoints;

    @BeforeEach
    void openTheKernel(@TempDir Path scratch) throws IOException {
        kernel = RealKernel.open(PREFIX);
        serverScript = scratch.resolve("epserver.py").toString();
        Files.writeString(Path.of(serverScript), resource("epserver.py"));
    }

    /** oracle.sh's topology with {@code count} endpoint pods, built twice: in real namespaces and in the sandbox. */
    private void buildWithEndpoints(int count) {
        endpoints = count;
        for (String ns : all()) {
            kernel.addNamespace(ns);
            assertThat(sim.ip("ip netns add " + ns).exitCode()).isZero();
            assertThat(sim.ip("ip -n " + ns + " link set lo up").exitCode()).isZero();
        }
        for (String line : topology()) {
            RealKernel.check(kernel.run(line));
            assertThat(sim.ip(line)).as(line).isEqualTo(CommandResult.ok(""));
        }
        RealKernel.check(kernel.in(NODE, "sysctl -qw net.ipv4.ip_forward=1"));
        sim.namespace(NODE).setIpForward(true);
        for (int i = 1; i <= count; i++) {
            kernel.serve(ENDPOINTS.get(i - 1), serverScript, "ep" + i, "10.244." + i + ".2", 8080);
            sim.serve(ENDPOINTS.get(i - 1), "ep" + i, "10.244." + i + ".2", 8080);
        }
    }

    private void buildTheOracleTopology() {
        buildWithEndpoints(3);
    }

    @AfterEach
    void deleteTheRealNamespaces() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private List<String> all() {
        List<String> all = new ArrayList<>(List.of(NODE, CLIENT));
        all.addAll(ENDPOINTS.subList(0, endpoints));
        return all;
    }

    /** oracle.sh's topology, line for line; the sandbox's ip runs the very same lines. */
    private List<String> topology() {
        List<String> lines = new ArrayList<>(List.of(
                "ip link add veth-c netns " + NODE + " type veth peer name eth0 netns " + CLIENT,
                "ip -n " + NODE + " addr add 10.244.0.1/24 dev veth-c",
                "ip -n " + NODE + " link set veth-c up",
                "ip -n " + CLIENT + " addr add 10.244.0.2/24 dev eth0",
                "ip -n " + CLIENT + " link set eth0 up",
                "ip -n " + CLIENT + " route add default via 10.244.0.1"));
        for (int i = 1; i <= endpoints; i++) {
            String ep = ENDPOINTS.get(i - 1);
            lines.addAll(List.of(
                    "ip link add veth-e" + i + " netns " + NODE + " type veth peer name eth0 netns " + ep,
                    "ip -n " + NODE + " addr add 10.244." + i + ".1/24 dev veth-e" + i,
                    "ip -n " + NODE + " link set veth-e" + i + " up",
                    "ip -n " + ep + " addr add 10.244." + i + ".2/24 dev eth0",
                    "ip -n " + ep + " link set eth0 up",
                    "ip -n " + ep + " route add default via 10.244." + i + ".1"));
        }
        lines.add("ip -n " + NODE + " addr add 10.250.0.1/32 dev lo");
        lines.add("ip -n " + NODE + " route add 10.96.0.0/12 dev veth-c src 10.250.0.1");
        return lines;
    }

    private void restoreBoth(String rules) {
        RealKernel.Run real = kernel.restore(NODE, rules);
        assertThat(real.exitCode()).as("real iptables-restore: " + real.stderr()).isZero();
        assertThat(sim.restore(NODE, rules)).isEqualTo(CommandResult.ok(""));
    }

    private void iptablesBoth(String line) {
        RealKernel.check(kernel.in(NODE, line.replaceFirst("^iptables", "iptables-nft")));
        assertThat(sim.iptables(NODE, line)).as(line).isEqualTo(CommandResult.ok(""));
    }

    private List<String> realRequests(String from, String address, int port, int count) {
        return kernel.curl(from, "http://" + address + ":" + port + "/", count, 2);
    }

    private List<String> simulatedRequests(String from, String address, int port, int count) {
        List<String> answers = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            answers.add(sim.curl(from, address, port, PATIENCE));
        }
        return answers;
    }

    private static String withoutDates(String save) {
        return RealKernel.withoutDates(save);
    }

    private static Map<String, Long> endpointCounts(List<String> answers) {
        return answers.stream().collect(Collectors.groupingBy(a -> a.split(" ")[0], Collectors.counting()));
    }

    private static String resource(String name) {
        return RealKernel.resource(name);
    }

    private static String kubeRules() {
        return RealKernel.resource("/org/laymanlabs/sandbox/net/iptables/kube-nat.rules");
    }

    /** The same Service with its random choice replaced by the kernel's deterministic nth mode. */
    private static String kubeRulesInNthMode() {
        return kubeRules()
                .replace("-m statistic --mode random --probability 0.3333333333", "-m statistic --mode nth --every 3 --packet 0")
                .replace("-m statistic --mode random --probability 0.5000000000", "-m statistic --mode nth --every 2 --packet 0");
    }

    @Test
    void iptablesSaveNormalisesKubeProxysInputTheSameWay() {
        buildTheOracleTopology();
        restoreBoth(kubeRules());

        String real = kernel.in(NODE, "iptables-nft-save -t nat").stdout();
        String simulated = sim.iptables(NODE, "iptables-save -t nat").stdout();

        assertThat(withoutDates(simulated)).isEqualTo(withoutDates(real));
    }

    @Test
    void inNthModeEachConnectionReachesTheSameEndpointInTheSameOrder() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 6);

        assertThat(real).containsExactly("ep1 saw-client=10.244.0.2", "ep2 saw-client=10.244.0.2",
                "ep3 saw-client=10.244.0.2", "ep1 saw-client=10.244.0.2", "ep2 saw-client=10.244.0.2",
                "ep3 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 6)).isEqualTo(real);
    }

    @Test
    void inRandomModeBothSpreadEvenlyOverTheEndpoints() {
        buildTheOracleTopology();
        restoreBoth(kubeRules());

        Map<String, Long> real = endpointCounts(realRequests(CLIENT, CLUSTER_IP, 80, 150));
        Map<String, Long> simulated = endpointCounts(simulatedRequests(CLIENT, CLUSTER_IP, 80, 150));

        // Chi-square against 50/50/50 with 2 degrees of freedom: 13.8 is the p = 0.001 bound.
        Function<Map<String, Long>, Double> chiSquare = counts -> List.of("ep1", "ep2", "ep3").stream()
                .mapToDouble(ep -> Math.pow(counts.getOrDefault(ep, 0L) - 50.0, 2) / 50.0).sum();
        assertThat(real.keySet()).containsExactlyInAnyOrder("ep1", "ep2", "ep3");
        assertThat(simulated.keySet()).containsExactlyInAnyOrder("ep1", "ep2", "ep3");
        assertThat(chiSquare.apply(real)).isLessThan(13.8);
        assertThat(chiSquare.apply(simulated)).isLessThan(13.8);
    }

    @Test
    void theNodeItselfIsMasqueradedWhenItCallsTheClusterIp() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());

        List<String> real = realRequests(NODE, CLUSTER_IP, 80, 3);

        assertThat(real).containsExactly("ep1 saw-client=10.244.1.1", "ep2 saw-client=10.244.2.1",
                "ep3 saw-client=10.244.3.1");
        assertThat(simulatedRequests(NODE, CLUSTER_IP, 80, 3)).isEqualTo(real);
    }

    @Test
    void aNodePortIsReachedThroughTheNodesAddressAndMasqueraded() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());

        List<String> real = realRequests(CLIENT, "10.244.0.1", 30080, 3);

        assertThat(real).containsExactly("ep1 saw-client=10.244.1.1", "ep2 saw-client=10.244.2.1",
                "ep3 saw-client=10.244.3.1");
        assertThat(simulatedRequests(CLIENT, "10.244.0.1", 30080, 3)).isEqualTo(real);
    }

    @Test
    void clientIpAffinitySendsEveryConnectionToTheFirstEndpointChosen() {
        buildTheOracleTopology();
        restoreBoth(kubeRules());
        restoreBoth(resource("affinity.rules"));

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 12);
        List<String> simulated = simulatedRequests(CLIENT, CLUSTER_IP, 80, 12);

        assertThat(endpointCounts(real)).hasSize(1);
        assertThat(endpointCounts(simulated)).hasSize(1);
    }

    @Test
    void aDropInFilterForwardSilencesOneEndpointUntilTheRetransmittedSynPicksAnother() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -A FORWARD -d 10.244.2.2/32 -j DROP");

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 3);

        // The second connection's SYN goes to ep2 and is dropped. A second later TCP sends it again;
        // netfilter sees a new connection, nth mode picks ep3, and the client gets its answer late.
        assertThat(real).containsExactly("ep1 saw-client=10.244.0.2", "ep3 saw-client=10.244.0.2",
                "ep1 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 3)).isEqualTo(real);
    }

    /**
     * kube-proxy rejects with icmp-port-unreachable. In this topology the node would send the
     * packet back out the interface it came in on, and this kernel's ICMP errors then never reach
     * the client (it times out, as measured), so the scenario uses tcp-reset to compare refusals.
     */
    @Test
    void aServiceWithoutEndpointsIsRejectedAtOnce() {
        buildTheOracleTopology();
        restoreBoth(resource("no-endpoints.rules"));

        List<String> real = realRequests(CLIENT, "10.96.0.20", 80, 2);

        assertThat(real).containsExactly("FAILED 7", "FAILED 7");
        assertThat(simulatedRequests(CLIENT, "10.96.0.20", 80, 2)).isEqualTo(real);
    }

    @Test
    void flushingTheNatTableLeavesTheClusterIpAnsweringNobody() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -t nat -F");

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 1);

        assertThat(real).containsExactly("FAILED 28");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 1)).isEqualTo(real);
    }

    @Test
    void aClusterIpWithOneEndpointAlwaysReachesIt() {
        buildWithEndpoints(1);
        restoreBoth(ServiceRules.forEndpoints(List.of("10.244.1.2"), false));

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 3);

        assertThat(real).containsOnly("ep1 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 3)).isEqualTo(real);
        assertThat(withoutDates(sim.iptables(NODE, "iptables-save -t nat").stdout()))
                .isEqualTo(withoutDates(kernel.in(NODE, "iptables-nft-save -t nat").stdout()));
    }

    @Test
    void aClusterIpWithTenEndpointsSavesTheSameProbabilitiesAndVisitsThemInTheSameOrder() {
        buildWithEndpoints(10);
        List<String> ips = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "10.244." + i + ".2").toList();
        restoreBoth(ServiceRules.forEndpoints(ips, false));
        assertThat(withoutDates(sim.iptables(NODE, "iptables-save -t nat").stdout()))
                .isEqualTo(withoutDates(kernel.in(NODE, "iptables-nft-save -t nat").stdout()));

        iptablesBoth("iptables -t nat -F");
        restoreBoth(ServiceRules.forEndpoints(ips, true));
        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 10);

        // kube-proxy orders endpoints as strings, so 10.244.10.2 comes right after 10.244.1.2.
        assertThat(real.get(1)).isEqualTo("ep10 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 10)).isEqualTo(real);
    }

    @Test
    void anEndpointCallingItsOwnServiceIsMasqueradedSoTheAnswerComesBack() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());

        List<String> real = realRequests(ENDPOINTS.get(0), CLUSTER_IP, 80, 1);

        assertThat(real).containsExactly("ep1 saw-client=10.244.1.1");
        assertThat(simulatedRequests(ENDPOINTS.get(0), CLUSTER_IP, 80, 1)).isEqualTo(real);
    }

    @Test
    void aUserChainReturnsWhatItAcceptsAndDropsTheRest() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -N POD-CHECK");
        iptablesBoth("iptables -A POD-CHECK -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN");
        iptablesBoth("iptables -A POD-CHECK -s 10.244.0.2/32 -j RETURN");
        iptablesBoth("iptables -A POD-CHECK -j DROP");
        iptablesBoth("iptables -A FORWARD -j POD-CHECK");

        List<String> allowed = realRequests(CLIENT, CLUSTER_IP, 80, 2);
        assertThat(allowed).containsExactly("ep1 saw-client=10.244.0.2", "ep2 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 2)).isEqualTo(allowed);

        iptablesBoth("iptables -R POD-CHECK 2 -s 10.244.0.99/32 -j RETURN");
        List<String> dropped = realRequests(CLIENT, CLUSTER_IP, 80, 1);
        assertThat(dropped).containsExactly("FAILED 28");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 1)).isEqualTo(dropped);
    }

    @Test
    void aNewConnectionsFirstPacketCrossesTheSameRulesInTheSameOrder() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -t raw -A PREROUTING -s 10.244.0.2/32 -p tcp --syn -j TRACE");

        List<String> real = kernel.tracedPath(NODE, () -> kernel.curl(CLIENT, "http://" + CLUSTER_IP + ":80/", 1, 2));
        List<String> simulated = pathThrough(NODE, sim.request(CLIENT, CLUSTER_IP, 80, PATIENCE));

        assertThat(real).contains("nat:KUBE-SEP-UIQK3OSOSTRHRPBX:rule:ACCEPT -A KUBE-SEP-UIQK3OSOSTRHRPBX -p tcp "
                + "-m comment --comment \"default/web:http\" -m tcp -j DNAT --to-destination 10.244.1.2:8080");
        assertThat(simulated).isEqualTo(real);
    }

    /**
     * Forty other ClusterIPs ahead of default/web, a rule by port alone and one by source alone
     * make KUBE-SERVICES long enough for the sandbox to walk it through its index: the first
     * packets take the same rules in the same order, and every rule counts the same.
     */
    @Test
    void behindFortyOtherServicesTheFirstPacketTakesTheSameRulesAndEveryRuleCountsTheSame() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -t nat -N KUBE-SVC-DECOY");
        for (int i = 1; i <= 40; i++) {
            iptablesBoth("iptables -t nat -I KUBE-SERVICES -d 10.96.1." + i + "/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-DECOY");
        }
        iptablesBoth("iptables -t nat -I KUBE-SERVICES 20 -p tcp -m tcp --dport 80");
        iptablesBoth("iptables -t nat -I KUBE-SERVICES 30 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ");
        iptablesBoth("iptables -t raw -A PREROUTING -s 10.244.0.2/32 -p tcp --syn -j TRACE");

        List<String> real = kernel.tracedPath(NODE, () -> kernel.curl(CLIENT, "http://" + CLUSTER_IP + ":80/", 1, 2));
        List<String> simulated = pathThrough(NODE, sim.request(CLIENT, CLUSTER_IP, 80, PATIENCE));
        assertThat(real).contains("nat:KUBE-SERVICES:rule:CONTINUE -A KUBE-SERVICES -p tcp -m tcp --dport 80");
        assertThat(simulated).isEqualTo(real);

        List<String> answers = realRequests(CLIENT, CLUSTER_IP, 80, 4);
        assertThat(answers).containsExactly("ep2 saw-client=10.244.0.2", "ep3 saw-client=10.244.0.2",
                "ep1 saw-client=10.244.0.2", "ep2 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 4)).isEqualTo(answers);
        assertThat(serviceRules(sim.iptables(NODE, "iptables-save -c -t nat").stdout()))
                .contains("[5:300] -A KUBE-SERVICES -p tcp -m tcp --dport 80")
                .isEqualTo(serviceRules(kernel.in(NODE, "iptables-nft-save -c -t nat").stdout()));
    }

    private static String serviceRules(String save) {
        return withoutDates(save).lines().filter(line -> line.contains("-A KUBE-SERVICES") || line.contains("-A KUBE-SVC-"))
                .collect(Collectors.joining("\n"));
    }

    /** nft_do_chain(): at the end of a chain reached by -g, with nothing to return to, the base chain's policy applies. */
    @Test
    void theEndOfAChainReachedByGotoFallsToTheBuiltInChainsPolicy() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());
        iptablesBoth("iptables -N ONLY-UDP");
        iptablesBoth("iptables -A ONLY-UDP -p udp -j DROP");
        iptablesBoth("iptables -A FORWARD -p tcp -g ONLY-UDP");
        iptablesBoth("iptables -A FORWARD -j DROP");

        List<String> real = realRequests(CLIENT, CLUSTER_IP, 80, 1);

        assertThat(real).containsExactly("ep1 saw-client=10.244.0.2");
        assertThat(simulatedRequests(CLIENT, CLUSTER_IP, 80, 1)).isEqualTo(real);
    }

    /** The rules the request's first packet matched in one namespace, written as the TRACE lines are. */
    private static List<String> pathThrough(String namespace, org.laymanlabs.sandbox.net.ipv4.Exchange exchange) {
        return exchange.request().events().stream()
                .filter(e -> e.namespace().equals(namespace))
                .filter(org.laymanlabs.sandbox.net.trace.TraceEvent.Hooked.class::isInstance)
                .flatMap(e -> ((org.laymanlabs.sandbox.net.trace.TraceEvent.Hooked) e).rules().stream())
                .map(hit -> hit.ruleNumber() > 0
                        ? hit.table() + ":" + hit.chain() + ":rule:" + hit.target() + " " + hit.ruleText()
                        : hit.table() + ":" + hit.chain() + ":policy:" + hit.target().replaceFirst("^POLICY:", ""))
                .toList();
    }

    @Test
    void aPodAnswersPingsAcrossTheNodeButAClusterIpDoesNot() {
        buildTheOracleTopology();
        restoreBoth(kubeRulesInNthMode());

        String pod = kernel.ping(CLIENT, "10.244.1.2");
        String service = kernel.ping(CLIENT, CLUSTER_IP);

        // The node routes the echo on, one hop: TTL 63. kube-proxy DNATs only the Service's TCP port.
        assertThat(pod).isEqualTo("ttl=63");
        assertThat(service).isEqualTo("lost");
        assertThat(sim.ping(CLIENT, "10.244.1.2")).isEqualTo(pod);
        assertThat(sim.ping(CLIENT, CLUSTER_IP)).isEqualTo(service);
    }
}
