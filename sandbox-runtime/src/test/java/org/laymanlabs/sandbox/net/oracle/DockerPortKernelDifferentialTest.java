package org.laymanlabs.sandbox.net.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.sandbox.CommandResult;

/**
 * Docker 28's port publishing (FIDELITY.md §2, the default bridge, `-p 8080:80`) in real
 * namespaces and in the sandbox: a Docker host with docker0 and one container, and a neighbour
 * on the host's network, with Docker's nat, filter and raw rules on the host.
 */
@DisplayName("Docker's published-port rules do in the sandbox what they do in the Linux kernel")
class DockerPortKernelDifferentialTest {

    private static final String PREFIX = "lld" + (ProcessHandle.current().pid() % 100000) + "-";
    private static final String HOST = PREFIX + "host";
    private static final String CONTAINER = PREFIX + "ctr";
    private static final String NEIGHBOUR = PREFIX + "lan";
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private RealKernel kernel;
    private final SimulatedKernel sim = new SimulatedKernel();

    @BeforeEach
    void buildADockerHostTwice(@TempDir Path scratch) throws IOException {
        kernel = RealKernel.open(PREFIX);
        String server = scratch.resolve("epserver.py").toString();
        Files.writeString(Path.of(server), RealKernel.resource("epserver.py"));
        for (String ns : List.of(HOST, CONTAINER, NEIGHBOUR)) {
            kernel.addNamespace(ns);
            sim.ip("ip netns add " + ns);
            sim.ip("ip -n " + ns + " link set lo up");
        }
        for (String line : List.of(
                "ip -n " + HOST + " link add docker0 type bridge",
                "ip -n " + HOST + " addr add 172.17.0.1/16 dev docker0",
                "ip -n " + HOST + " link set docker0 up",
                "ip link add vethweb netns " + HOST + " type veth peer name eth0 netns " + CONTAINER,
                "ip -n " + HOST + " link set vethweb master docker0",
                "ip -n " + HOST + " link set vethweb up",
                "ip -n " + CONTAINER + " addr add 172.17.0.2/16 dev eth0",
                "ip -n " + CONTAINER + " link set eth0 up",
                "ip -n " + CONTAINER + " route add default via 172.17.0.1",
                "ip link add uplink netns " + HOST + " type veth peer name eth0 netns " + NEIGHBOUR,
                "ip -n " + HOST + " addr add 192.168.50.1/24 dev uplink",
                "ip -n " + HOST + " link set uplink up",
                "ip -n " + NEIGHBOUR + " addr add 192.168.50.2/24 dev eth0",
                "ip -n " + NEIGHBOUR + " link set eth0 up",
                "ip -n " + NEIGHBOUR + " route add 172.17.0.0/16 via 192.168.50.1")) {
            RealKernel.check(kernel.run(line));
            assertThat(sim.ip(line)).as(line).isEqualTo(CommandResult.ok(""));
        }
        RealKernel.check(kernel.in(HOST, "sysctl -qw net.ipv4.ip_forward=1"));
        sim.namespace(HOST).setIpForward(true);
        kernel.serve(CONTAINER, server, "web", "172.17.0.2", 80);
        sim.serve(CONTAINER, "web", "172.17.0.2", 80);
        kernel.serve(NEIGHBOUR, server, "lan", "192.168.50.2", 9000);
        sim.serve(NEIGHBOUR, "lan", "192.168.50.2", 9000);
        String rules = RealKernel.resource("docker-publish.rules");
        assertThat(kernel.restore(HOST, rules).exitCode()).isZero();
        assertThat(sim.restore(HOST, rules)).isEqualTo(CommandResult.ok(""));
    }

    @AfterEach
    void deleteTheRealNamespaces() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private String real(String from, String url) {
        return kernel.curl(from, url, 1, 2).get(0);
    }

    private String simulated(String from, String address, int port) {
        return sim.curl(from, address, port, PATIENCE);
    }

    @Test
    void theRulesAreSavedTheSameWay() {
        assertThat(RealKernel.withoutDates(sim.iptables(HOST, "iptables-save").stdout()))
                .isEqualTo(RealKernel.withoutDates(kernel.in(HOST, "iptables-nft-save").stdout()));
    }

    @Test
    void aNeighbourReachesThePublishedPortThroughTheDnatRule() {
        String real = real(NEIGHBOUR, "http://192.168.50.1:8080/");

        assertThat(real).isEqualTo("web saw-client=192.168.50.2");
        assertThat(simulated(NEIGHBOUR, "192.168.50.1", 8080)).isEqualTo(real);
    }

    @Test
    void theContainersOwnAddressIsNotReachableFromOutsideTheBridge() {
        String real = real(NEIGHBOUR, "http://172.17.0.2:80/");

        assertThat(real).isEqualTo("FAILED 28");
        assertThat(simulated(NEIGHBOUR, "172.17.0.2", 80)).isEqualTo(real);
    }

    @Test
    void theHostReachesItsOwnPublishedPortThroughOutputDnat() {
        String real = real(HOST, "http://192.168.50.1:8080/");

        assertThat(real).isEqualTo("web saw-client=192.168.50.1");
        assertThat(simulated(HOST, "192.168.50.1", 8080)).isEqualTo(real);
    }

    @Test
    void theContainerGoesOutMasqueradedAsTheHost() {
        String real = real(CONTAINER, "http://192.168.50.2:9000/");

        assertThat(real).isEqualTo("lan saw-client=192.168.50.1");
        assertThat(simulated(CONTAINER, "192.168.50.2", 9000)).isEqualTo(real);
    }

    @Test
    void aPortNobodyPublishedIsRefusedByTheHostItself() {
        String real = real(NEIGHBOUR, "http://192.168.50.1:81/");

        assertThat(real).isEqualTo("FAILED 7");
        assertThat(simulated(NEIGHBOUR, "192.168.50.1", 81)).isEqualTo(real);
    }
}
