package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real-kernel oracle of FIDELITY.md §5 replayed: kube-nat.rules in fid-node, 300 connections
 * from fid-client to the ClusterIP and 60 to the NodePort. The counters that do not depend on the
 * random choice must come out as in the measured {@code iptables-save -t nat -c}.
 */
@DisplayName("The oracle topology")
class KubeNatOracleTest {

    private static final String RESOURCES = "/org/laymanlabs/sandbox/net/iptables/";

    private final NodeNamespace node = new NodeNamespace(300, "10.244.0.1", "10.244.1.1", "10.244.2.1",
            "10.244.3.1", "10.250.0.1")
            .route("10.244.0.0/24", "veth-c", "10.244.0.1")
            .route("10.244.1.0/24", "veth-e1", "10.244.1.1")
            .route("10.244.2.0/24", "veth-e2", "10.244.2.1")
            .route("10.244.3.0/24", "veth-e3", "10.244.3.1")
            .route("10.96.0.0/12", "veth-c", "10.250.0.1");

    @Test
    void countersMatchTheMeasuredSaveOutput() throws IOException {
        node.restore(resource("kube-nat.rules"));
        for (int i = 0; i < 300; i++) {
            assertThat(node.receive(PacketHeader.tcp("10.244.0.2", 30000 + i, "10.96.0.10", 80), "veth-c").verdict())
                    .isEqualTo(Verdict.ACCEPT);
        }
        for (int i = 0; i < 60; i++) {
            node.receive(PacketHeader.tcp("10.244.0.2", 40000 + i, "10.244.0.1", 30080), "veth-c");
        }

        String saved = node.save("-t", "nat", "-c");
        String[] excerpt = resource("kube-nat-normalised.excerpt").split("\n");
        for (String line : new String[] {excerpt[0], excerpt[1], excerpt[3], excerpt[5], excerpt[6]}) {
            assertThat(saved).contains("\n" + line + "\n");
        }
        assertThat(counterOf(saved, excerpt[2])).isEqualTo(counterOf(saved, excerpt[4])).isBetween(100L, 150L);
    }

    /** The packet count the saved text shows for the rule of {@code excerptLine}. */
    private static long counterOf(String saved, String excerptLine) {
        String rule = excerptLine.substring(excerptLine.indexOf(']') + 2);
        return saved.lines().filter(line -> line.endsWith("] " + rule)).findFirst()
                .map(line -> Long.parseLong(line.substring(1, line.indexOf(':'))))
                .orElseThrow();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KubeNatOracleTest.class.getResourceAsStream(RESOURCES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
