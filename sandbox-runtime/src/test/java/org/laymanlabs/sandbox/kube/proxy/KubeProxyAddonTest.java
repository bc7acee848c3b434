package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

@DisplayName("kubeadm's kube-proxy add-on")
class KubeProxyAddonTest {

    final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void showsAKubeProxyPodOnEveryNodeOnTheNodesAddress() {
        String pods = sandbox.shell().run("kubectl get pods -n kube-system -o wide").stdout();

        assertThat(pods).containsPattern("\nkube-proxy-[a-z0-9]{5} +1/1 +Running +0 +\\d+s +192\\.168\\.49\\.2 +control-plane ")
                .containsPattern("\nkube-proxy-[a-z0-9]{5} +1/1 +Running +0 +\\d+s +192\\.168\\.49\\.3 +worker-1 ")
                .containsPattern("\nkube-proxy-[a-z0-9]{5} +1/1 +Running +0 +\\d+s +192\\.168\\.49\\.4 +worker-2 ");
        assertThat(sandbox.shell().run("kubectl get ds -n kube-system").stdout())
                .containsPattern("kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   \\d+s");
        assertThat(sandbox.shell().run("kubectl get cm kube-proxy -n kube-system -o yaml").stdout())
                .contains("mode: iptables", "clusterCIDR: 10.244.0.0/16");
    }
}
