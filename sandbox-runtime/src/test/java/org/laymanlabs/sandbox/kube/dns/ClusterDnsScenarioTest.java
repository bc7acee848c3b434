package org.laymanlabs.sandbox.kube.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * Given the default 3-node cluster, whose kubelets run kubeadm's CoreDNS pods: a pod's own
 * lookups, written by the kubelet's resolv.conf, reach CoreDNS through the kube-dns Service.
 */
@DisplayName("Cluster DNS, end to end")
class ClusterDnsScenarioTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    private String ok(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stdout() + result.stderr()).isZero();
        return result.stdout();
    }

    @Test
    void aPodFindsTheArticlesFrontendServiceByNameThroughCoreDns() {
        ok("kubectl create deployment frontend --image=nginx:1.27 --replicas=3");
        ok("kubectl expose deployment frontend --name=frontend-svc --port=80");
        ok("kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 --command -- sleep 3600");
        ok("kubectl run client --image=nginx:1.27");
        sandbox.clock().advance(Duration.ofSeconds(30));
        assertThat(ok("kubectl get pods -n kube-system -l k8s-app=kube-dns")).contains("1/1     Running");
        String clusterIp = ok("kubectl get svc frontend-svc -o jsonpath={.spec.clusterIP}");

        assertThat(ok("kubectl exec dnsutils -- cat /etc/resolv.conf"))
                .isEqualTo("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
        assertThat(ok("kubectl exec dnsutils -- nslookup frontend-svc.default.svc.cluster.local"))
                .contains("Server:\t\t10.96.0.10\n").contains("Name:\tfrontend-svc.default.svc.cluster.local\nAddress: " + clusterIp + "\n");
        // curl in a pod resolves the short name through the search path, then crosses the Service's rules.
        assertThat(ok("kubectl exec client -- curl -s -o /dev/null -w %{http_code} http://frontend-svc/")).isEqualTo("200");
    }

    @Test
    void somethingThatIsNotDnsSentToCoreDnssTcpPortGetsNoAnswerAndBreaksNothing() {
        sandbox.clock().advance(Duration.ofSeconds(30));

        CommandResult http = sandbox.shell().run("node-shell worker-1 curl -sS -m 5 10.96.0.10:53");

        assertThat(http.exitCode()).isEqualTo(52);
        assertThat(http.stderr()).isEqualTo("curl: (52) Empty reply from server\n");
        assertThat(ok("kubectl get pods -n kube-system -l k8s-app=kube-dns")).contains("1/1     Running");
    }
}
