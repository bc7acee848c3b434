package org.laymanlabs.sandbox.net.iproute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.cni.FlannelBackend;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;

@DisplayName("ip link show type selects devices by kind, as on a node of a flannel overlay")
class OverlayDeviceTest {

    private static final Instant START = Instant.parse("2025-06-12T10:00:00Z");

    private Sandbox cluster(FlannelBackend backend) {
        return Sandbox.create(new SandboxSpec(3, START).withCluster(new ClusterSpec(List.of(
                NodeConfig.controlPlane("control-plane", "192.168.49.2", "10.244.0.0/24"),
                NodeConfig.worker("worker-1", "192.168.49.3", "10.244.1.0/24")), backend)));
    }

    @Test
    void onAVxlanNodeItListsFlannelsTunnelWithItsDetails() {
        Sandbox sandbox = cluster(FlannelBackend.VXLAN);

        String shown = sandbox.shell().run("node-shell worker-1 ip -d link show type vxlan").stdout();

        assertThat(shown).contains("flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450")
                .contains("vxlan id 1 local 192.168.49.3 dev eth0 srcport 0 0 dstport 8472");
        assertThat(sandbox.shell().run("node-shell worker-1 ip link show type bridge").stdout()).contains("cni0:")
                .doesNotContain("flannel.1").doesNotContain("eth0");
    }

    @Test
    void onAHostGwNodeThereIsNoTunnelToList() {
        Sandbox sandbox = cluster(FlannelBackend.HOST_GW);

        assertThat(sandbox.shell().run("node-shell worker-1 ip -d link show type vxlan").stdout()).isEmpty();
        assertThat(sandbox.shell().run("ip link show type").stderr())
                .isEqualTo("Command line is not complete. Try option \"help\"\n");
    }
}
