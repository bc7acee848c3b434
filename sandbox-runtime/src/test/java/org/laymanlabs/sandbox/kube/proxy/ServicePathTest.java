package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

@DisplayName("A Service's ClusterIP, from a node of the sandbox's cluster")
class ServicePathTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private CommandResult run(String line) {
        return sandbox.shell().run(line);
    }

    @Test
    void isDnatedByTheNodesKubeProxyRulesToOneOfItsPods() {
        assertThat(run("kubectl create deployment web --image=nginx:1.27 --replicas=2").exitCode()).isZero();
        assertThat(run("kubectl expose deployment web --port=80 --cluster-ip=10.96.100.100").exitCode()).isZero();
        sandbox.clock().advance(Duration.ofSeconds(5));

        String rules = run("node-shell worker-1 iptables-save -t nat").stdout();
        assertThat(rules).contains("-A KUBE-SERVICES -d 10.96.100.100/32 -p tcp -m comment --comment \"default/web cluster IP\" "
                + "-m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G\n")
                .contains("-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment \"default/kubernetes:https cluster IP\" "
                        + "-m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y\n")
                .contains("--probability 0.50000000000 -j KUBE-SEP-");

        String trace = run("node-shell worker-1 trace 10.96.100.100:80").stdout();
        assertThat(trace).contains("JUMP:KUBE-SVC-LOLE4ISW44XBNF3G").containsPattern(
                "DNAT: tcp 192\\.168\\.49\\.3:\\d+ -> 10\\.96\\.100\\.100:80 \\[SYN\\]  =>  tcp 192\\.168\\.49\\.3:\\d+ -> 10\\.244\\.[12]\\.\\d+:80 \\[SYN\\]");
        // The pod's nginx answers, and the reply is un-NATed back on the way out.
        assertThat(trace).contains("un-DNAT:").contains("Result: answered by nginx in cni-");
    }

    @Test
    void losesItsRulesWhenTheServiceIsDeleted() {
        run("kubectl create service clusterip db --tcp=5432:5432");
        sandbox.clock().advance(Duration.ofSeconds(2));
        assertThat(run("node-shell worker-2 iptables-save -t filter").stdout()).contains("-m comment --comment \"default/db:5432-5432 has no endpoints\" -m tcp --dport 5432 -j REJECT --reject-with icmp-port-unreachable");
        run("kubectl delete service db");
        sandbox.clock().advance(Duration.ofSeconds(2));
        assertThat(run("node-shell worker-2 iptables-save").stdout()).doesNotContain("default/db");
    }
}
