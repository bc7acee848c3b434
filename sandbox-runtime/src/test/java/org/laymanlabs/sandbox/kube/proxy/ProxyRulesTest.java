package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.iptables.IptablesSaveCommand;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The ruleset syncProxyRules writes, checked against proxier_test.go's expectations
 * (TestInternalTrafficPolicyE2E, TestOverallIPTablesRules) and then as iptables-save prints it
 * once the sandbox's iptables-restore loaded it (goldens under kube/proxy/).
 */
@DisplayName("kube-proxy's ruleset")
class ProxyRulesTest {

    static final String CLUSTER_CIDR = "10.0.0.0/8";

    static Endpoint ready(String ip, int port) {
        return new Endpoint(ip, port, true, true, false);
    }

    static ServicePort port(String ns, String name, String portName, String ip, int port, int nodePort, int affinity,
                            Endpoint... endpoints) {
        return new ServicePort(new ServicePortName(ns, name, portName, "TCP"), ip, port, nodePort, affinity,
                List.of(endpoints));
    }

    static final ServicePort ONE = port("ns2", "svc2", "p80", "172.30.0.42", 80, 0, 0, ready("10.180.0.2", 80));
    static final ServicePort THREE = port("ns1", "svc1", "", "172.30.1.1", 80, 0, 0,
            ready("10.0.1.3", 80), ready("10.0.1.1", 80), ready("10.0.1.2", 80));
    static final ServicePort NODE_PORT = port("ns3", "svc3", "p80", "172.30.0.43", 80, 3003, 0, ready("10.180.0.3", 80));
    static final ServicePort AFFINITY = port("ns5", "svc5", "p80", "172.30.0.45", 80, 0, 10800, ready("10.180.0.3", 80));
    static final ServicePort NO_ENDPOINTS = port("ns6", "svc6", "p80", "172.30.0.46", 80, 3006, 0,
            new Endpoint("10.180.0.6", 80, false, false, false));

    @Test
    void chainNamesAreTheHashesProxierTestExpects() {
        assertThat(new ServicePortName("ns1", "svc1", "p80", "TCP").svcChain()).isEqualTo("KUBE-SVC-XPGD46QRK7WJZT7O");
        assertThat(THREE.name().svcChain()).isEqualTo("KUBE-SVC-AQI2S6QIMU7PVVRP");
        assertThat(THREE.name().sepChain("10.0.1.1:80")).isEqualTo("KUBE-SEP-3JOIVZTXZZRGORX4");
        assertThat(AFFINITY.name().sepChain("10.180.0.3:80")).isEqualTo("KUBE-SEP-I77PXRDZVX7PMWMN");
        assertThat(NODE_PORT.name().extChain()).isEqualTo("KUBE-EXT-X27LE4BHSL4DOUIK");
    }

    @Test
    void probabilitiesArePrintedAsGoPrintsThem() {
        assertThat(ProxyRules.probability(3)).isEqualTo("0.3333333333");
        assertThat(ProxyRules.probability(2)).isEqualTo("0.5000000000");
        assertThat(ProxyRules.probability(2048)).isEqualTo("0.0004882812");
    }

    @Test
    void threeEndpointsGetTheRulesOfTestInternalTrafficPolicyE2E() {
        String rules = ProxyRules.write(CLUSTER_CIDR, List.of(THREE), List.of());

        assertThat(rules).contains("""
                -A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVC-AQI2S6QIMU7PVVRP
                """, """
                -A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
                -A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-3JOIVZTXZZRGORX4
                -A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-IO5XOSKPAXIFQXAJ
                -A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.3:80" -j KUBE-SEP-XGJFVO3L2O5SRFNT
                -A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -s 10.0.1.1 -j KUBE-MARK-MASQ
                -A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
                """);
    }

    @Test
    void aNodePortGetsTheRulesOfTestOverallIPTablesRules() {
        String rules = ProxyRules.write(CLUSTER_CIDR, List.of(NODE_PORT), List.of());

        assertThat(rules).contains(
                "-A KUBE-NODEPORTS -m comment --comment ns3/svc3:p80 -m tcp -p tcp --dport 3003 -j KUBE-EXT-X27LE4BHSL4DOUIK\n",
                "-A KUBE-EXT-X27LE4BHSL4DOUIK -m comment --comment \"masquerade traffic for ns3/svc3:p80 external destinations\""
                        + " -j KUBE-MARK-MASQ\n-A KUBE-EXT-X27LE4BHSL4DOUIK -j KUBE-SVC-X27LE4BHSL4DOUIK\n",
                "-A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment \"ns3/svc3:p80 -> 10.180.0.3:80\" -j KUBE-SEP-OYPFS5VJICHGATKP\n");
    }

    @Test
    void aServiceWithoutReadyEndpointsIsRejectedInFilterAndHasNoNatChains() {
        String rules = ProxyRules.write(CLUSTER_CIDR, List.of(NO_ENDPOINTS), List.of());

        assertThat(rules).contains("-A KUBE-SERVICES -m comment --comment \"ns6/svc6:p80 has no endpoints\""
                + " -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT\n");
        assertThat(rules).doesNotContain("KUBE-SVC-", "KUBE-SEP-");
    }

    @Test
    void endpointsAreOrderedAsStringsAsEndpointSliceCacheSortsThem() {
        ServicePort port = port("ns8", "svc8", "", "172.30.0.48", 80, 0, 0, ready("10.244.2.2", 80), ready("10.244.10.2", 80));

        assertThat(port.endpoints()).extracting(Endpoint::toString).containsExactly("10.244.10.2:80", "10.244.2.2:80");
    }

    @Test
    void terminatingButServingEndpointsAreUsedOnlyWhenNoneIsReady() {
        Endpoint terminating = new Endpoint("10.180.0.7", 80, false, true, true);
        ServicePort fallback = port("ns7", "svc7", "p80", "172.30.0.47", 80, 0, 0, terminating);
        ServicePort mixed = port("ns7", "svc7", "p80", "172.30.0.47", 80, 0, 0, terminating, ready("10.180.0.8", 80));

        assertThat(fallback.clusterEndpoints()).containsExactly(terminating);
        assertThat(mixed.clusterEndpoints()).extracting(Endpoint::toString).containsExactly("10.180.0.8:80");
    }

    @Test
    void staleServiceChainsAreDeleted() {
        String rules = ProxyRules.write(CLUSTER_CIDR, List.of(ONE), List.of("KUBE-SVC-GONE", "KUBE-SEP-GONE", "KUBE-MARK-MASQ"));

        assertThat(rules).contains(":KUBE-SVC-GONE - [0:0]\n", "-X KUBE-SVC-GONE\n", "-X KUBE-SEP-GONE\n")
                .doesNotContain("-X KUBE-MARK-MASQ");
    }

    @Test
    void aClusterIpWithOneEndpointSavesAsTheGolden() {
        assertThat(loadedAndSaved(ONE)).isEqualTo(golden("cluster-ip-one-endpoint.txt"));
    }

    @Test
    void aClusterIpWithThreeEndpointsSavesAsTheGolden() {
        assertThat(loadedAndSaved(THREE)).isEqualTo(golden("cluster-ip-three-endpoints.txt"));
    }

    @Test
    void aNodePortSavesAsTheGolden() {
        assertThat(loadedAndSaved(NODE_PORT)).isEqualTo(golden("node-port.txt"));
    }

    @Test
    void clientIpAffinitySavesAsTheGolden() {
        assertThat(loadedAndSaved(AFFINITY)).isEqualTo(golden("session-affinity.txt"));
    }

    @Test
    void aServiceWithoutEndpointsSavesAsTheGolden() {
        assertThat(loadedAndSaved(NO_ENDPOINTS)).isEqualTo(golden("no-endpoints.txt"));
    }

    static String loadedAndSaved(ServicePort port) {
        Netfilter netfilter = new Netfilter(new VirtualClock(Instant.parse("2026-11-26T09:00:00Z")), new SplittableRandom(1));
        new Proxier.JumpRules(netfilter).ensure();
        CommandResult restore = new IptablesRestoreCommand(netfilter).run(new Invocation(List.of("--noflush", "--counters"),
                ProxyRules.write(CLUSTER_CIDR, List.of(port), List.of()), null));
        assertThat(restore.stderr()).isEmpty();
        return new IptablesSaveCommand(netfilter).run(new Invocation(List.of(), "", null)).stdout();
    }

    static String golden(String name) {
        try (InputStream in = ProxyRulesTest.class.getResourceAsStream("/kube/proxy/" + name)) {
            return in == null ? "(no golden " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
