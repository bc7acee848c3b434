package org.laymanlabs.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

class PacketPathTest {

    @Test
    void readsTheHopsAndTheMatchedRulesOfARealTrace() {
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-01-05T09:00:00Z")));
        String output = sandbox.shell().run("node-shell worker-1 trace 10.96.0.1:443").stdout();

        List<PacketPath> paths = PacketPath.read(output);

        assertThat(paths).extracting(PacketPath::title).containsExactly("The first packet:", "The reset:");
        assertThat(paths.get(0).hops()).extracting(PacketPath.Hop::namespace)
                .containsExactly("worker-1", "node-lan", "control-plane");
        assertThat(paths.get(0).hops().get(0).rules()).anyMatch(r -> r.startsWith("nat KUBE-SERVICES #1: "));
        assertThat(paths.get(0).hops().get(0).steps().get(0)).startsWith("sent tcp 192.168.49.3:");
    }

    @Test
    void outputThatIsNotATraceHasNoPath() {
        assertThat(PacketPath.read("NAME   READY\n")).isEmpty();
    }
}
