package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mirrors the kubelet's node registration and status (pkg/kubelet/kubelet_node_status.go and
 * nodestatus/setters.go): the labels, addresses, capacity, node info and the four conditions a
 * kubeadm node reports, so that {@code kubectl get nodes} and {@code describe node} look real.
 */
final class NodeStatusFactory {

    static final String KUBELET_VERSION = "v1.32.5";

    private NodeStatusFactory() {
    }

    static Node register(NodeConfig config) {
        Map<String, String> labels = new TreeMap<>(Map.of(
                "beta.kubernetes.io/arch", "amd64", "beta.kubernetes.io/os", "linux",
                "kubernetes.io/arch", "amd64", "kubernetes.io/hostname", config.name(), "kubernetes.io/os", "linux"));
        if (config.controlPlane()) {
            labels.put("node-role.kubernetes.io/control-plane", "");
            labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
        }
        labels.putAll(config.labels());
        return new NodeBuilder().withNewMetadata().withName(config.name()).withLabels(labels)
                .withAnnotations(Map.of("kubeadm.alpha.kubernetes.io/cri-socket", "unix:///var/run/containerd/containerd.sock",
                        "node.alpha.kubernetes.io/ttl", "0",
                        "volumes.kubernetes.io/controller-managed-attach-detach", "true")).endMetadata()
                .withNewSpec().withPodCIDR(config.podCidr()).withPodCIDRs(config.podCidr()).withTaints(config.taints()).endSpec()
                .build();
    }

    static NodeStatus status(NodeConfig config, String now, NodeStatus previous) {
        Map<String, Quantity> resources = Map.of("cpu", new Quantity(config.cpu()), "memory", new Quantity(config.memory()),
                "pods", new Quantity(Integer.toString(config.maxPods())), "ephemeral-storage", new Quantity("61202244Ki"),
                "hugepages-2Mi", new Quantity("0"));
        return new NodeStatusBuilder()
                .addNewAddress().withType("InternalIP").withAddress(config.internalIp()).endAddress()
                .addNewAddress().withType("Hostname").withAddress(config.name()).endAddress()
                .withCapacity(resources).withAllocatable(resources)
                .withConditions(
                        condition(previous, "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                        condition(previous, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                        condition(previous, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                        condition(previous, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now))
                .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint().endDaemonEndpoints()
                .withNewNodeInfo().withArchitecture("amd64").withBootID(bootId(config)).withContainerRuntimeVersion("containerd://1.7.24")
                .withKernelVersion("6.8.0-49-generic").withKubeProxyVersion(KUBELET_VERSION).withKubeletVersion(KUBELET_VERSION)
                .withMachineID(machineId(config)).withOperatingSystem("linux").withOsImage("Ubuntu 22.04.5 LTS")
                .withSystemUUID(machineId(config)).endNodeInfo()
                .withImages(previous == null ? List.of() : previous.getImages())
                .build();
    }

    /** A condition keeps its lastTransitionTime while its status holds; the heartbeat time is always now. */
    private static NodeCondition condition(NodeStatus previous, String type, String status, String reason, String message, String now) {
        String transition = previous == null ? now : previous.getConditions().stream()
                .filter(c -> c.getType().equals(type) && c.getStatus().equals(status))
                .map(NodeCondition::getLastTransitionTime).findFirst().orElse(now);
        return new NodeCondition(now, transition, message, reason, status, type);
    }

    private static String machineId(NodeConfig config) {
        return String.format("%032x", Integer.toUnsignedLong(config.name().hashCode()) * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    }

    private static String bootId(NodeConfig config) {
        String hex = machineId(config);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-"
                + hex.substring(20, 32);
    }
}
