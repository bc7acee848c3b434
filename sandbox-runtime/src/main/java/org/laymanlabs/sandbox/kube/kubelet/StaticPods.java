package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.store.EtcdClusterSpec;

/**
 * The static pods kubeadm writes to /etc/kubernetes/manifests on a control-plane node, as the
 * kubelet mirrors them into the API (pkg/kubelet/pod/mirror_client.go): named after the
 * component and the node, owned by the Node, on the host network, with kubeadm's flags.
 * They are why {@code kubectl get pods -n kube-system} shows the control plane.
 */
final class StaticPods {

    static final String VERSION = "v1.32.5";
    static final List<String> IMAGES = List.of("registry.k8s.io/etcd:3.5.16-0", "registry.k8s.io/kube-apiserver:" + VERSION,
            "registry.k8s.io/kube-controller-manager:" + VERSION, "registry.k8s.io/kube-scheduler:" + VERSION);

    private StaticPods() {
    }

    static List<Pod> controlPlane(NodeConfig node, String nodeUid) {
        return List.of(
                pod(node, nodeUid, "etcd", "registry.k8s.io/etcd:3.5.16-0", "100m", List.of("etcd",
                        "--advertise-client-urls=https://" + node.internalIp() + ":2379", "--data-dir=/var/lib/etcd",
                        "--listen-client-urls=https://127.0.0.1:2379,https://" + node.internalIp() + ":2379", "--name=" + node.name(),
                        // kubeadm writes 10000; the sandbox's etcd snapshots at its own, smaller count (see EtcdClusterSpec).
                        "--snapshot-count=" + EtcdClusterSpec.SNAPSHOT_COUNT)),
                pod(node, nodeUid, "kube-apiserver", "registry.k8s.io/kube-apiserver:" + VERSION, "250m", List.of("kube-apiserver",
                        "--advertise-address=" + node.internalIp(), "--etcd-servers=https://127.0.0.1:2379",
                        "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12")),
                pod(node, nodeUid, "kube-controller-manager", "registry.k8s.io/kube-controller-manager:" + VERSION, "200m",
                        List.of("kube-controller-manager", "--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16",
                                "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true",
                                "--service-cluster-ip-range=10.96.0.0/12")),
                pod(node, nodeUid, "kube-scheduler", "registry.k8s.io/kube-scheduler:" + VERSION, "100m", List.of("kube-scheduler",
                        "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true")));
    }

    private static Pod pod(NodeConfig node, String nodeUid, String component, String image, String cpu, List<String> command) {
        String hash = Integer.toHexString((component + node.name()).hashCode() & 0x7fffffff) + "f0e1d2c3b4a5968778695a4b3c2d1e0f";
        return new PodBuilder().withNewMetadata().withName(component + "-" + node.name()).withNamespace("kube-system")
                .withLabels(Map.of("component", component, "tier", "control-plane"))
                .withAnnotations(Map.of("kubernetes.io/config.hash", hash.substring(0, 32), "kubernetes.io/config.mirror", hash.substring(0, 32),
                        "kubernetes.io/config.seen", "2026-11-26T09:00:00.000000000Z", "kubernetes.io/config.source", "file"))
                .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(node.name()).withUid(nodeUid)
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withNodeName(node.name()).withHostNetwork(true).withPriorityClassName("system-node-critical")
                .withPriority(2000001000).addNewToleration().withEffect("NoExecute").withOperator("Exists").endToleration()
                .addNewContainer().withName(component).withImage(image).withCommand(command)
                .withNewResources().addToRequests("cpu", new Quantity(cpu)).endResources().endContainer()
                .endSpec().build();
    }
}
