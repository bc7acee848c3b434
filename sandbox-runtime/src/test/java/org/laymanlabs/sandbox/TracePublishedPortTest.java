package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The tracer on the laptop's real rules: a request to a port Docker published, DNATed in nat
 * OUTPUT by the DOCKER chain, answered by nginx in its container, and un-DNATed by conntrack on
 * the way back, with each hook's conntrack state. The expected text was checked line by line
 * against Docker 28's rules (FIDELITY.md §2) and the kernel's hook order.
 */
class TracePublishedPortTest {

    @Test
    void showsTheDnatTheContainerAndTheReverseNat() throws IOException {
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
        sandbox.shell().run("docker run -d -p 8080:80 --name web nginx >/dev/null 2>&1");

        CommandResult trace = sandbox.shell().run("trace 192.168.1.20:8080");

        assertThat(trace.exitCode()).isZero();
        assertThat(trace.stdout()).isEqualTo(golden());
    }

    private static String golden() throws IOException {
        try (InputStream in = TracePublishedPortTest.class.getResourceAsStream("trace-published-port.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
