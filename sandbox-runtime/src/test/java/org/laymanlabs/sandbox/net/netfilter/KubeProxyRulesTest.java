package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Packets through kube-proxy-style rules, in the style of kubernetes pkg/proxy/iptables
 * proxier_test.go: a ruleset, then a table of named packets with the outcome each must have.
 * The node has 192.168.0.10 on eth0 and 10.0.1.254 on cni0, the pod network 10.0.1.0/24.
 */
@DisplayName("kube-proxy rules")
class KubeProxyRulesTest {

    static final String RULES = """
            *filter
            :KUBE-SERVICES - [0:0]
            :GUARD - [0:0]
            -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
            -A FORWARD -s 192.168.0.66 -j DROP
            -A FORWARD -j GUARD
            -A KUBE-SERVICES -m comment --comment "ns3/svc3:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.99 --dport 80 -j REJECT
            -A GUARD -s 10.0.1.5 -j RETURN
            -A GUARD -d 10.0.1.7 -j DROP
            COMMIT
            *nat
            :KUBE-SERVICES - [0:0]
            :KUBE-NODEPORTS - [0:0]
            :KUBE-POSTROUTING - [0:0]
            :KUBE-MARK-MASQ - [0:0]
            :KUBE-SVC-ONE - [0:0]
            :KUBE-EXT-ONE - [0:0]
            :KUBE-SEP-ONE - [0:0]
            :KUBE-SVC-THREE - [0:0]
            :KUBE-SEP-T1 - [0:0]
            :KUBE-SEP-T2 - [0:0]
            :KUBE-SEP-T3 - [0:0]
            -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
            -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
            -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
            -A KUBE-SERVICES -m comment --comment "ns2/svc2 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-ONE
            -A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVC-THREE
            -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
            -A KUBE-NODEPORTS -m comment --comment ns2/svc2 -m tcp -p tcp --dport 30080 -j KUBE-EXT-ONE
            -A KUBE-EXT-ONE -m comment --comment "masquerade traffic for ns2/svc2 external destinations" -j KUBE-MARK-MASQ
            -A KUBE-EXT-ONE -j KUBE-SVC-ONE
            -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
            -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
            -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
            -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
            -A KUBE-SVC-ONE -m comment --comment "ns2/svc2 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
            -A KUBE-SVC-ONE -m comment --comment "ns2/svc2 -> 10.0.1.9:8080" -j KUBE-SEP-ONE
            -A KUBE-SEP-ONE -m comment --comment ns2/svc2 -s 10.0.1.9 -j KUBE-MARK-MASQ
            -A KUBE-SEP-ONE -m comment --comment ns2/svc2 -m tcp -p tcp -j DNAT --to-destination 10.0.1.9:8080
            -A KUBE-SVC-THREE -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode nth --every 3 --packet 0 -j KUBE-SEP-T1
            -A KUBE-SVC-THREE -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m statistic --mode nth --every 2 --packet 0 -j KUBE-SEP-T2
            -A KUBE-SVC-THREE -m comment --comment "ns1/svc1 -> 10.0.1.3:80" -j KUBE-SEP-T3
            -A KUBE-SEP-T1 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
            -A KUBE-SEP-T2 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.2:80
            -A KUBE-SEP-T3 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.3:80
            COMMIT
            """;

    static NodeNamespace node() {
        NodeNamespace node = new NodeNamespace(7, "192.168.0.10", "10.0.1.254")
                .route("192.168.0.0/24", "eth0", "192.168.0.10")
                .route("10.0.1.0/24", "cni0", "10.0.1.254")
                .route("0.0.0.0/0", "eth0", "192.168.0.10");
        node.restore(RULES);
        return node;
    }

    /** One row: a packet arriving on a device, and where and how it must leave. */
    record Case(String name, String device, String source, String destination, int port,
                Verdict verdict, String leavesAs, String leavesFrom) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Verdict reject = new Verdict.Reject(RejectTarget.Type.ICMP_PORT_UNREACHABLE);
        return Stream.of(
                new Case("a pod reaches a ClusterIP with one endpoint, unmasqueraded", "cni0",
                        "10.0.1.5", "172.30.0.41", 80, Verdict.ACCEPT, "10.0.1.9:8080", "10.0.1.5"),
                new Case("an off-cluster client reaching a ClusterIP is masqueraded", "eth0",
                        "192.168.0.50", "172.30.0.41", 80, Verdict.ACCEPT, "10.0.1.9:8080", "10.0.1.254"),
                new Case("a NodePort on the node IP matches addrtype LOCAL and is masqueraded", "eth0",
                        "192.168.0.50", "192.168.0.10", 30080, Verdict.ACCEPT, "10.0.1.9:8080", "10.0.1.254"),
                new Case("an endpoint reaching its own service is hairpin-masqueraded", "cni0",
                        "10.0.1.9", "172.30.0.41", 80, Verdict.ACCEPT, "10.0.1.9:8080", "10.0.1.254"),
                new Case("a service without endpoints is rejected", "cni0",
                        "10.0.1.5", "172.30.0.99", 80, reject, "172.30.0.99:80", "10.0.1.5"),
                new Case("a DROP in filter FORWARD drops", "eth0",
                        "192.168.0.66", "10.0.1.9", 8080, Verdict.DROP, "10.0.1.9:8080", "192.168.0.66"),
                new Case("a RETURN in a user chain resumes FORWARD, whose policy accepts", "cni0",
                        "10.0.1.5", "10.0.1.7", 80, Verdict.ACCEPT, "10.0.1.7:80", "10.0.1.5"),
                new Case("without the RETURN the user chain's DROP applies", "cni0",
                        "10.0.1.6", "10.0.1.7", 80, Verdict.DROP, "10.0.1.7:80", "10.0.1.6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachPacketHasItsExpectedOutcome(Case c) {
        NodeNamespace.Delivery delivery = node().receive(
                PacketHeader.tcp(c.source(), 40000, c.destination(), c.port()), c.device());

        assertThat(delivery.verdict()).isEqualTo(c.verdict());
        PacketHeader out = delivery.header();
        assertThat(out.destination() + ":" + out.destinationPort()).isEqualTo(c.leavesAs());
        assertThat(out.source()).hasToString(c.leavesFrom());
    }

    @Test
    void threeEndpointsTakeNewConnectionsInTurnWithNthMode() {
        NodeNamespace node = node();
        List<String> endpoints = Stream.iterate(1, i -> i + 1).limit(6)
                .map(i -> node.receive(PacketHeader.tcp("10.0.1.5", 40000 + i, "172.30.1.1", 80), "cni0").header())
                .map(h -> h.destination() + ":" + h.destinationPort())
                .toList();

        assertThat(endpoints).containsExactly("10.0.1.1:80", "10.0.1.2:80", "10.0.1.3:80",
                "10.0.1.1:80", "10.0.1.2:80", "10.0.1.3:80");
    }

    @Test
    void theTraceShowsTheRulePathLikeXtablesMonitor() {
        NodeNamespace.Delivery delivery = node().receive(PacketHeader.tcp("192.168.0.50", 40000, "192.168.0.10", 30080), "eth0");

        assertThat(delivery.chainsWalked()).containsSubsequence(
                "nat:PREROUTING:JUMP:KUBE-SERVICES",
                "nat:KUBE-SERVICES:JUMP:KUBE-NODEPORTS",
                "nat:KUBE-NODEPORTS:JUMP:KUBE-EXT-ONE",
                "nat:KUBE-EXT-ONE:JUMP:KUBE-MARK-MASQ",
                "nat:KUBE-MARK-MASQ:CONTINUE",
                "nat:KUBE-EXT-ONE:JUMP:KUBE-SVC-ONE",
                "nat:KUBE-SVC-ONE:JUMP:KUBE-SEP-ONE",
                "nat:KUBE-SEP-ONE:ACCEPT",
                "nat:POSTROUTING:JUMP:KUBE-POSTROUTING",
                "nat:KUBE-POSTROUTING:CONTINUE",
                "nat:KUBE-POSTROUTING:ACCEPT");
        assertThat(delivery.trace().get(0).toString())
                .isEqualTo("nat:PREROUTING:rule:1:JUMP:KUBE-SERVICES  -t nat -A PREROUTING"
                        + " -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
    }

    @Test
    void clientIpAffinitySendsEveryConnectionOfAClientToTheSameEndpoint() {
        NodeNamespace node = new NodeNamespace(11, "192.168.0.10", "10.0.1.254")
                .route("10.0.1.0/24", "cni0", "10.0.1.254").route("0.0.0.0/0", "eth0", "192.168.0.10");
        node.restore("""
                *nat
                :KUBE-SVC-AFF - [0:0]
                :KUBE-SEP-A - [0:0]
                :KUBE-SEP-B - [0:0]
                -A PREROUTING -m tcp -p tcp -d 172.30.0.50 --dport 80 -j KUBE-SVC-AFF
                -A KUBE-SVC-AFF -m comment --comment "ns/aff -> 10.0.1.1:80" -m recent --name KUBE-SEP-A --rcheck --seconds 10800 --reap -j KUBE-SEP-A
                -A KUBE-SVC-AFF -m comment --comment "ns/aff -> 10.0.1.2:80" -m recent --name KUBE-SEP-B --rcheck --seconds 10800 --reap -j KUBE-SEP-B
                -A KUBE-SVC-AFF -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-A
                -A KUBE-SVC-AFF -j KUBE-SEP-B
                -A KUBE-SEP-A -m recent --name KUBE-SEP-A --set -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
                -A KUBE-SEP-B -m recent --name KUBE-SEP-B --set -m tcp -p tcp -j DNAT --to-destination 10.0.1.2:80
                COMMIT
                """);

        Set<Ipv4Address> chosen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            node.clock.advance(Duration.ofMinutes(1));
            chosen.add(node.receive(PacketHeader.tcp("10.0.1.5", 50000 + i, "172.30.0.50", 80), "cni0")
                    .header().destination());
        }

        assertThat(chosen).hasSize(1);
        String list = chosen.iterator().next().equals(Ipv4Address.parse("10.0.1.1")) ? "KUBE-SEP-A" : "KUBE-SEP-B";
        assertThat(node.netfilter.recentList(list).addresses()).containsExactly(Ipv4Address.parse("10.0.1.5"));
    }

    @Test
    void packetsFromTheNodeItselfTakeTheOutputPathAndAreMasqueradedWhenOffCluster() {
        NodeNamespace.Delivery delivery = node().send(PacketHeader.tcp("192.168.0.10", 40000, "172.30.0.41", 80));

        assertThat(delivery.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(delivery.device()).isEqualTo("cni0");
        assertThat(delivery.header().destination()).hasToString("10.0.1.9");
        assertThat(delivery.header().source()).hasToString("10.0.1.254");
    }
}
