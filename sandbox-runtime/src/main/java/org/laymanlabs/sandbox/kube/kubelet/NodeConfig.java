package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of the sandbox's cluster as a lab describes it.
 *
 * @param internalIp the node's address on the cluster network
 * @param podCidr    the /24 its pods' addresses come from (kube-controller-manager's node IPAM in a real cluster)
 * @param cpu        allocatable CPU, in Kubernetes quantity syntax ("2")
 * @param memory     allocatable memory ("4Gi")
 */
public record NodeConfig(String name, boolean controlPlane, String internalIp, String podCidr, Map<String, String> labels,
                         List<Taint> taints, String cpu, String memory, int maxPods) {

    public NodeConfig {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** A kubeadm control-plane node, tainted so that ordinary pods stay off it. */
    public static NodeConfig controlPlane(String name, String ip, String podCidr) {
        return new NodeConfig(name, true, ip, podCidr, Map.of(),
                List.of(new Taint("NoSchedule", "node-role.kubernetes.io/control-plane", null, null)), "2", "4Gi", 110);
    }

    public static NodeConfig worker(String name, String ip, String podCidr) {
        return new NodeConfig(name, false, ip, podCidr, Map.of(), List.of(), "2", "4Gi", 110);
    }

    public NodeConfig withLabels(Map<String, String> extra) {
        return new NodeConfig(name, controlPlane, internalIp, podCidr, extra, taints, cpu, memory, maxPods);
    }
}
