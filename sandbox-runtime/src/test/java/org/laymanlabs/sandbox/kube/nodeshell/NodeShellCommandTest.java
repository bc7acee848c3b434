package org.laymanlabs.sandbox.kube.nodeshell;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

@DisplayName("node-shell in the learner's sandbox")
class NodeShellCommandTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    /** Starts an nginx pod on the node and returns its address (CoreDNS's pods took the first ones on the workers). */
    private String pod(String name, String node) {
        var api = sandbox.cluster().api();
        api.await(api.create(new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("app").withImage("nginx:1.27").endContainer()
                .endSpec().build()));
        sandbox.clock().advance(Duration.ofSeconds(3));
        return api.get(io.fabric8.kubernetes.api.model.Pod.class, "default", name).orElseThrow().getStatus().getPodIP();
    }

    @Test
    void runsIpOnTheNodeAndShowsItsRoutes() {
        pod("a", "worker-1");

        CommandResult result = run("node-shell worker-1 ip route");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("""
                default via 192.168.49.1 dev eth0\s
                10.244.0.0/24 via 192.168.49.2 dev eth0\s
                10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1\s
                10.244.2.0/24 via 192.168.49.4 dev eth0\s
                192.168.49.0/24 dev eth0 proto kernel scope link src 192.168.49.3\s
                """);
    }

    @Test
    void theNodePingsItsOwnPodsThroughCni0() {
        pod("a", "worker-1");

        CommandResult result = run("node-shell worker-1 ping -c 1 10.244.1.2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("64 bytes from 10.244.1.2: icmp_seq=1 ttl=64");
    }

    @Test
    void aNodeReachesAPodOnAnotherNodeThroughThatNodeWhichDecrementsTheTtl() {
        String b = pod("b", "worker-2");

        CommandResult result = run("node-shell worker-1 ping -c 1 " + b);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("64 bytes from " + b + ": icmp_seq=1 ttl=63");
    }

    @Test
    void traceFromANodeShowsTheHostGwRouteTheSwitchBetweenTheNodesAndThePodsNginxAnswering() {
        String b = pod("b", "worker-2");

        CommandResult result = run("node-shell worker-1 trace " + b + ":80");

        assertThat(result.stdout()).containsSubsequence(
                "route: 10.244.2.0/24 via 192.168.49.4 dev eth0  => out eth0, next hop 192.168.49.4",
                "leaves by eth0, arrives in node-lan on veth",
                "bridge br-42a92abac16f switches it",
                "leaves by veth3d87a6d, arrives in worker-2 on eth0",
                "route: 10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1  => out cni0, next hop " + b,
                "leaves by cni0, arrives in cni-",
                "delivered to tcp 0.0.0.0:80 (nginx)",
                "Result: answered by nginx in cni-");
    }

    @Test
    void theLaptopReachesTheNodesAsWithKindOnDocker() {
        CommandResult result = run("ping -c 1 192.168.49.4");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("64 bytes from 192.168.49.4: icmp_seq=1 ttl=64");
    }

    @Test
    void anUnknownNodeIsNotFoundAsKubectlGetNodeSaysIt() {
        CommandResult result = run("node-shell worker-9 ip route");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error from server (NotFound): nodes \"worker-9\" not found\n");
    }

    @Test
    void withoutANodeItAsksForOne() {
        CommandResult result = run("node-shell");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Please specify node name\n");
    }

    @Test
    void aProgramThatDoesNotExistFailsAsNsentersExecDoes() {
        CommandResult result = run("node-shell worker-1 -- tcpdump -i eth0");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).isEqualTo("nsenter: failed to execute tcpdump: No such file or directory\n");
    }

    @Test
    void theShellIsBackOnTheLaptopAfterwards() {
        run("node-shell control-plane ip route");

        assertThat(run("ip route").stdout()).startsWith("default via 192.168.1.1 dev eth0");
    }
}
