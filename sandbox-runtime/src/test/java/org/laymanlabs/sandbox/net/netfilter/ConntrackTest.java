package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Connection tracking")
class ConntrackTest {

    private final NodeNamespace node = KubeProxyRulesTest.node();

    private long natRuleCount(String chain) {
        return node.netfilter.table(TableName.NAT).chain(chain).orElseThrow().rules().get(0).packets();
    }

    @Test
    void repliesAreUnNattedBackToTheServiceAddress() {
        NodeNamespace.Delivery request = node.receive(PacketHeader.tcp("192.168.0.50", 40000, "172.30.0.41", 80), "eth0");
        assertThat(request.header()).isEqualTo(PacketHeader.tcp("10.0.1.254", 40000, "10.0.1.9", 8080));

        NodeNamespace.Delivery reply = node.receive(request.header().reply(), "cni0");

        assertThat(reply.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(reply.device()).isEqualTo("eth0");
        assertThat(reply.header()).isEqualTo(PacketHeader.tcp("172.30.0.41", 80, "192.168.0.50", 40000).withoutSyn());
    }

    @Test
    void laterPacketsOfAConnectionSkipTheNatTableButKeepItsBinding() {
        PacketHeader first = PacketHeader.tcp("10.0.1.5", 40000, "172.30.0.41", 80);
        node.receive(first, "cni0");
        long afterFirst = natRuleCount("KUBE-SERVICES");

        NodeNamespace.Delivery second = node.receive(first.withoutSyn(), "cni0");

        assertThat(natRuleCount("KUBE-SERVICES")).isEqualTo(afterFirst).isEqualTo(1);
        assertThat(second.header().destination()).hasToString("10.0.1.9");
        assertThat(second.chainsWalked()).noneMatch(step -> step.startsWith("nat:"));
    }

    @Test
    void aConnectionIsNewUntilAReplyIsSeenAndEstablishedAfter() {
        PacketHeader first = PacketHeader.tcp("10.0.1.5", 40000, "172.30.0.41", 80);
        NodeNamespace.Delivery request = node.receive(first, "cni0");
        assertThat(request.packet().ctState()).isEqualTo(CtState.NEW);
        assertThat(node.receive(first, "cni0").packet().ctState()).isEqualTo(CtState.NEW);

        NodeNamespace.Delivery reply = node.receive(request.header().reply(), "cni0");
        NodeNamespace.Delivery third = node.receive(first.withoutSyn(), "cni0");

        assertThat(reply.packet().ctState()).isEqualTo(CtState.ESTABLISHED);
        assertThat(third.packet().ctState()).isEqualTo(CtState.ESTABLISHED);
    }

    @Test
    void listsConnectionsAsConntrackDashLPrintsThem() {
        PacketHeader first = PacketHeader.tcp("10.0.1.5", 40000, "172.30.0.41", 80);
        NodeNamespace.Delivery request = node.receive(first, "cni0");
        assertThat(node.netfilter.conntrack().list(node.clock.now())).containsExactly(
                "tcp      6 120 SYN_SENT src=10.0.1.5 dst=172.30.0.41 sport=40000 dport=80 [UNREPLIED] "
                        + "src=10.0.1.9 dst=10.0.1.5 sport=8080 dport=40000 mark=0 use=1");

        node.receive(request.header().reply(), "cni0");
        node.receive(first.withoutSyn(), "cni0");

        assertThat(node.netfilter.conntrack().list(node.clock.now())).containsExactly(
                "tcp      6 432000 ESTABLISHED src=10.0.1.5 dst=172.30.0.41 sport=40000 dport=80 "
                        + "src=10.0.1.9 dst=10.0.1.5 sport=8080 dport=40000 [ASSURED] mark=0 use=1");
    }

    @Test
    void anUnansweredConnectionExpiresAndItsNextPacketIsNewAgain() {
        PacketHeader first = PacketHeader.tcp("10.0.1.5", 40000, "172.30.0.41", 80);
        node.receive(first, "cni0");

        node.clock.advance(Duration.ofSeconds(121));

        assertThat(node.netfilter.conntrack().list(node.clock.now())).isEmpty();
        assertThat(node.receive(first, "cni0").packet().ctState()).isEqualTo(CtState.NEW);
        assertThat(natRuleCount("KUBE-SERVICES")).isEqualTo(2);
    }

    @Test
    void aDroppedFirstPacketLeavesNoConnectionBehind() {
        node.receive(PacketHeader.tcp("192.168.0.66", 40000, "10.0.1.9", 8080), "eth0");

        assertThat(node.netfilter.conntrack().list(node.clock.now())).isEmpty();
    }
}
