package org.laymanlabs.sandbox.kube;

import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.kube.cni.FlannelBackend;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;

/**
 * The shape of a sandbox's cluster: its nodes, and how flannel joins their pod networks. The
 * default is kubeadm's usual lab layout, one control-plane node and two workers on a kind-like
 * node network, with flannel's pod CIDRs and its host-gw backend (the nodes share one LAN). A
 * spec with no nodes at all is {@link #none()}: a laptop with Docker and no Kubernetes, as a Docker
 * lesson wants.
 */
public record ClusterSpec(List<NodeConfig> nodes, FlannelBackend networkMode) {

    public ClusterSpec(List<NodeConfig> nodes) {
        this(nodes, FlannelBackend.HOST_GW);
    }

    public ClusterSpec {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(networkMode, "networkMode");
        if (!nodes.isEmpty() && nodes.stream().noneMatch(NodeConfig::controlPlane)) {
            throw new IllegalArgumentException("a cluster needs at least one control-plane node");
        }
    }

    /** No cluster: the sandbox is a laptop with Docker, where kubectl finds no server, as on a fresh laptop. */
    public static ClusterSpec none() {
        return new ClusterSpec(List.of());
    }

    /** Whether a cluster is booted at all; false only for {@link #none()}. */
    public boolean exists() {
        return !nodes.isEmpty();
    }

    public static ClusterSpec kubeadmDefault() {
        return new ClusterSpec(List.of(
                NodeConfig.controlPlane("control-plane", "192.168.49.2", "10.244.0.0/24"),
                NodeConfig.worker("worker-1", "192.168.49.3", "10.244.1.0/24"),
                NodeConfig.worker("worker-2", "192.168.49.4", "10.244.2.0/24")));
    }

    /** The same nodes, their pods joined by {@code mode}. */
    public ClusterSpec withNetworkMode(FlannelBackend mode) {
        return new ClusterSpec(nodes, mode);
    }
}
