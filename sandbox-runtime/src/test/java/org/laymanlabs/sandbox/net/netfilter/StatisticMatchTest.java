package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The statistic match")
class StatisticMatchTest {

    private static final String THREE_WAY = """
            *nat
            :SVC - [0:0]
            :EP1 - [0:0]
            :EP2 - [0:0]
            :EP3 - [0:0]
            -A PREROUTING -d 172.30.1.1 -j SVC
            -A SVC -m statistic --mode random --probability 0.3333333333 -j EP1
            -A SVC -m statistic --mode random --probability 0.5000000000 -j EP2
            -A SVC -j EP3
            -A EP1 -p tcp -j DNAT --to-destination 10.0.1.1:80
            -A EP2 -p tcp -j DNAT --to-destination 10.0.1.2:80
            -A EP3 -p tcp -j DNAT --to-destination 10.0.1.3:80
            COMMIT
            """;

    @Test
    void storesRoundedFixedPointAndPrintsItBackWithElevenDecimals() {
        assertThat(StatisticMatch.random(0.3333333333, false).storedProbability()).isEqualTo("0.33333333349");
        assertThat(StatisticMatch.random(0.5, false).storedProbability()).isEqualTo("0.50000000000");
        assertThat(StatisticMatch.random(0.3333333333, false).probability()).isEqualTo(715827883L);
        assertThat(StatisticMatch.random(1.0, false).probability()).isEqualTo(0x80000000L);
    }

    @Test
    void randomModeSpreadsThreeThousandConnectionsEvenlyByChiSquare() {
        NodeNamespace node = new NodeNamespace(20250102, "192.168.0.10").route("0.0.0.0/0", "eth0", "192.168.0.10");
        node.restore(THREE_WAY);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            PacketHeader header = PacketHeader.tcp("10.0.9." + (1 + i % 200), 1024 + i, "172.30.1.1", 80);
            counts.merge(node.receive(header, "eth1").header().destination().toString(), 1, Integer::sum);
        }

        double expected = 1000;
        double chiSquare = counts.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
        assertThat(counts).containsOnlyKeys("10.0.1.1", "10.0.1.2", "10.0.1.3");
        // Two degrees of freedom: 9.21 is the 99th percentile.
        assertThat(chiSquare).isLessThan(9.21);
    }

    @Test
    void randomModeWithProbabilityZeroNeverMatchesAndOneAlwaysDoes() {
        NodeNamespace node = new NodeNamespace(3, "192.168.0.10").route("0.0.0.0/0", "eth0", "192.168.0.10");
        node.restore("""
                *filter
                -A FORWARD -m statistic --mode random --probability 0 -j DROP
                -A FORWARD -m statistic --mode random --probability 1 -j ACCEPT
                -A FORWARD -j DROP
                COMMIT
                """);
        for (int i = 0; i < 200; i++) {
            assertThat(node.receive(PacketHeader.udp("10.0.9.1", 1000 + i, "10.0.8.1", 53), "eth1").verdict())
                    .isEqualTo(Verdict.ACCEPT);
        }
    }

    @Test
    void nthModeMatchesExactlyEveryNthPacketFromItsOffset() {
        NodeNamespace node = new NodeNamespace(1, "192.168.0.10").route("0.0.0.0/0", "eth0", "192.168.0.10");
        node.restore("""
                *filter
                -A FORWARD -m statistic --mode nth --every 3 --packet 1 -j DROP
                COMMIT
                """);
        List<Verdict> verdicts = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> node.receive(PacketHeader.udp("10.0.9.1", 1000 + i, "10.0.8.1", 53), "eth1").verdict())
                .toList();

        assertThat(verdicts).containsExactly(Verdict.ACCEPT, Verdict.DROP, Verdict.ACCEPT, Verdict.ACCEPT,
                Verdict.DROP, Verdict.ACCEPT, Verdict.ACCEPT);
    }
}
