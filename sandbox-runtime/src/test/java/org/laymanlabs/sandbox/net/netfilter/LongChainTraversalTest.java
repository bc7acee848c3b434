package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Chains long enough to be walked through their index keep iptables' order, counters and traces. */
@DisplayName("A walk of a long chain")
class LongChainTraversalTest {

    /** Twenty ClusterIP Services of kube-proxy's shape: KUBE-SERVICES → SVC → SEP → DNAT. */
    private static String services(String extraServiceRules) {
        StringBuilder rules = new StringBuilder("*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n");
        IntStream.range(0, 20).forEach(i -> rules.append(":SVC-").append(i).append(" - [0:0]\n:SEP-").append(i).append(" - [0:0]\n"));
        rules.append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
        rules.append("-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000\n");
        rules.append(extraServiceRules);
        for (int i = 0; i < 20; i++) {
            rules.append("-A KUBE-SERVICES -d 10.96.0.").append(i + 1).append("/32 -p tcp -m comment --comment \"ns/svc")
                    .append(i).append("\" -m tcp --dport 80 -j SVC-").append(i).append('\n');
            rules.append("-A SVC-").append(i).append(" ! -s 10.244.0.0/16 -d 10.96.0.").append(i + 1)
                    .append("/32 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ\n");
            rules.append("-A SVC-").append(i).append(" -j SEP-").append(i).append('\n');
            rules.append("-A SEP-").append(i).append(" -p tcp -m tcp -j DNAT --to-destination 10.244.1.").append(i + 1).append(":8080\n");
        }
        return rules.append("COMMIT\n").toString();
    }

    private static NodeNamespace node() {
        return new NodeNamespace(1, "192.168.0.10").route("0.0.0.0/0", "eth0", "192.168.0.10")
                .route("10.244.0.0/16", "cni0", "10.244.0.1");
    }

    @Test
    void aPacketForTheSeventeenthServiceWalksExactlyTheRulesALinearWalkWould() {
        NodeNamespace node = node();
        node.restore(services(""));

        NodeNamespace.Delivery delivery = node.receive(PacketHeader.tcp("192.168.0.99", 40000, "10.96.0.17", 80), "eth0");

        assertThat(delivery.header().destination()).hasToString("10.244.1.17");
        assertThat(delivery.trace().stream().filter(TraceEntry::isRule).map(TraceEntry::toString)).containsExactly(
                "nat:PREROUTING:rule:1:JUMP:KUBE-SERVICES  -t nat -A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "nat:KUBE-SERVICES:rule:17:JUMP:SVC-16  -t nat -A KUBE-SERVICES -d 10.96.0.17/32 -p tcp -m comment --comment \"ns/svc16\" -m tcp --dport 80 -j SVC-16",
                "nat:SVC-16:rule:1:JUMP:KUBE-MARK-MASQ  -t nat -A SVC-16 ! -s 10.244.0.0/16 -d 10.96.0.17/32 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ",
                "nat:KUBE-MARK-MASQ:rule:1:CONTINUE  -t nat -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
                "nat:SVC-16:rule:2:JUMP:SEP-16  -t nat -A SVC-16 -j SEP-16",
                "nat:SEP-16:rule:1:ACCEPT  -t nat -A SEP-16 -p tcp -m tcp -j DNAT --to-destination 10.244.1.17:8080");
        assertThat(node.save("-c", "-t", "nat").lines().filter(l -> l.contains("-A KUBE-SERVICES")).toList())
                .filteredOn(l -> !l.startsWith("[0:0]")).containsExactly(
                        "[1:60] -A KUBE-SERVICES -d 10.96.0.17/32 -p tcp -m comment --comment \"ns/svc16\" -m tcp --dport 80 -j SVC-16");
    }

    @Test
    void anEarlierRuleThatNoIndexCoversStillWinsOverTheServicesRule() {
        NodeNamespace node = node();
        node.restore(services("-A KUBE-SERVICES -s 192.168.0.99/32 -j RETURN\n"));

        NodeNamespace.Delivery delivery = node.receive(PacketHeader.tcp("192.168.0.99", 40000, "10.96.0.17", 80), "eth0");

        assertThat(delivery.header().destination()).hasToString("10.96.0.17");
        assertThat(delivery.chainsWalked()).containsExactly("nat:PREROUTING:JUMP:KUBE-SERVICES", "nat:KUBE-SERVICES:RETURN");
    }

    @Test
    void aRuleByPortAndARuleByAddressBothApplyInRuleOrder() {
        NodeNamespace node = node();
        node.restore(services("-A KUBE-SERVICES -p tcp -m tcp --dport 80 -j MARK --set-xmark 0x1/0xffffffff\n"));

        NodeNamespace.Delivery delivery = node.receive(PacketHeader.tcp("192.168.0.99", 40000, "10.96.0.3", 80), "eth0");

        assertThat(delivery.chainsWalked()).startsWith("nat:PREROUTING:JUMP:KUBE-SERVICES", "nat:KUBE-SERVICES:CONTINUE",
                "nat:KUBE-SERVICES:JUMP:SVC-2");
        assertThat(delivery.packet().mark()).isEqualTo(0x4001);
    }

    @Test
    void anInsertedFirstRuleTakesEffectForTheNextPacket() {
        NodeNamespace node = node();
        node.restore(services(""));
        node.receive(PacketHeader.tcp("192.168.0.99", 40000, "10.96.0.5", 80), "eth0");

        assertThat(node.iptables("-t", "nat", "-I", "KUBE-SERVICES", "-d", "10.96.0.5", "-j", "RETURN").exitCode()).isZero();
        NodeNamespace.Delivery delivery = node.receive(PacketHeader.tcp("192.168.0.99", 40001, "10.96.0.5", 80), "eth0");

        assertThat(delivery.header().destination()).hasToString("10.96.0.5");
        assertThat(node.save("-c", "-t", "nat").lines().filter(l -> l.contains("10.96.0.5/32 -p tcp -m comment")))
                .containsExactly("[1:60] -A KUBE-SERVICES -d 10.96.0.5/32 -p tcp -m comment --comment \"ns/svc4\" -m tcp --dport 80 -j SVC-4");
    }

    /**
     * xt_statistic's nth counter advances whenever the match is reached, also for a packet the
     * later udp match refuses: the packets to port 54 take every hit, so none of those to 53 is
     * dropped. With the udp match first, only the packets to 53 reach the counter.
     */
    @Test
    void anNthCounterBeforeThePortMatchCountsPacketsForOtherPorts() {
        assertThat(verdictsForPort53(
                "-A FORWARD -p udp -m statistic --mode nth --every 2 --packet 0 -m udp --dport 53 -j DROP\n"))
                .containsOnly(Verdict.ACCEPT);
        assertThat(verdictsForPort53(
                "-A FORWARD -p udp -m udp --dport 53 -m statistic --mode nth --every 2 --packet 0 -j DROP\n"))
                .containsExactly(Verdict.DROP, Verdict.ACCEPT, Verdict.DROP, Verdict.ACCEPT);
    }

    /** Packets to port 54 and 53 in turn; the verdicts of those to 53. */
    private static List<Verdict> verdictsForPort53(String nthRule) {
        NodeNamespace node = node();
        StringBuilder rules = new StringBuilder("*filter\n");
        IntStream.range(1, 10).forEach(i -> rules.append("-A FORWARD -d 10.1.0.").append(i).append("/32 -j ACCEPT\n"));
        node.restore(rules.append(nthRule).append("COMMIT\n").toString());
        return IntStream.range(0, 4).mapToObj(i -> {
            node.receive(PacketHeader.udp("10.0.9.1", 2000 + i, "10.0.8.1", 54), "eth1");
            return node.receive(PacketHeader.udp("10.0.9.1", 1000 + i, "10.0.8.1", 53), "eth1").verdict();
        }).toList();
    }

    /** nft_do_chain(): with nothing on the jump stack, the end of any chain is the base chain's policy. */
    @Test
    void theEndOfAChainReachedByGotoAppliesTheBuiltInChainsPolicy() {
        NodeNamespace node = node();
        node.restore("""
                *filter
                :ELSEWHERE - [0:0]
                -A FORWARD -p udp -g ELSEWHERE
                -A FORWARD -j DROP
                -A ELSEWHERE -p tcp -j DROP
                COMMIT
                """);

        NodeNamespace.Delivery delivery = node.receive(PacketHeader.udp("10.0.9.1", 1000, "10.0.8.1", 53), "eth1");

        assertThat(delivery.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(delivery.trace().stream().filter(e -> e.table() == TableName.FILTER).map(TraceEntry::toString))
                .containsExactly("filter:FORWARD:rule:1:GOTO:ELSEWHERE  -t filter -A FORWARD -p udp -g ELSEWHERE",
                        "filter:FORWARD:policy:POLICY:ACCEPT");
        assertThat(node.save("-c", "-t", "filter")).contains(":FORWARD ACCEPT [1:60]");
    }
}
