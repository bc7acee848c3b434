package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors kube-scheduler's internal/cache (cache.go): the nodes and the pods bound to them, as
 * the watch reports them, plus the pods this scheduler has <em>assumed</em> onto a node while
 * their binding is on its way, so the next cycle already counts them. The real scheduler takes
 * a snapshot per cycle because binding runs in parallel; here a cycle runs to its end before
 * any watch event is delivered, so the cycle reads the cache itself.
 */
final class Cache {

    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    private final Map<String, String> podNodes = new HashMap<>();
    private final Map<String, PodInfo> assumed = new HashMap<>();
    private final Map<String, NodeInfo.ImageState> images = new HashMap<>();
    private final Map<Object, Object> shared = new HashMap<>();
    private List<NodeInfo> nodeList;

    /** The nodes that exist, in the order they were added: the order a cycle visits them in. */
    List<NodeInfo> nodes() {
        if (nodeList == null) {
            nodeList = nodes.values().stream().filter(n -> n.node() != null).toList();
        }
        return nodeList;
    }

    Optional<NodeInfo> node(String name) {
        return Optional.ofNullable(nodes.get(name)).filter(n -> n.node() != null);
    }

    /** How many nodes hold an image: ImageLocality scales by how widely it is spread. */
    int nodeCount() {
        return nodes().size();
    }

    void addOrUpdateNode(Node node) {
        NodeInfo info = nodes.computeIfAbsent(node.getMetadata().getName(), NodeInfo::new);
        forgetImages(info);
        info.setNode(node, rememberImages(node));
        nodeList = null;
    }

    void removeNode(String name) {
        NodeInfo info = nodes.get(name);
        if (info == null) {
            return;
        }
        forgetImages(info);
        info.setNode(null, Map.of());
        if (info.pods().isEmpty()) {
            nodes.remove(name);
        }
        nodeList = null;
    }

    private Map<String, NodeInfo.ImageState> rememberImages(Node node) {
        if (node.getStatus() == null || node.getStatus().getImages() == null) {
            return Map.of();
        }
        Map<String, NodeInfo.ImageState> onNode = new HashMap<>();
        for (ContainerImage image : node.getStatus().getImages()) {
            long size = image.getSizeBytes() == null ? 0 : image.getSizeBytes();
            for (String name : image.getNames()) {
                NodeInfo.ImageState state = images.computeIfAbsent(name, n -> new NodeInfo.ImageState(size));
                state.nodes.add(node.getMetadata().getName());
                onNode.put(name, state);
            }
        }
        return onNode;
    }

    private void forgetImages(NodeInfo info) {
        info.images().forEach((name, state) -> {
            state.nodes.remove(info.name());
            if (state.nodes.isEmpty()) {
                images.remove(name);
            }
        });
    }

    /** A bound pod seen on the watch; it confirms an assumed pod of the same name. */
    void addOrUpdatePod(Pod pod) {
        String key = PodInfo.key(pod);
        assumed.remove(key);
        String nodeName = pod.getSpec().getNodeName();
        String before = podNodes.put(key, nodeName);
        if (before != null && !before.equals(nodeName)) {
            removeFrom(before, key);
        }
        nodes.computeIfAbsent(nodeName, NodeInfo::new).addPod(share(PodInfo.of(pod)));
    }

    void removePod(String key) {
        assumed.remove(key);
        String nodeName = podNodes.remove(key);
        if (nodeName != null) {
            removeFrom(nodeName, key);
        }
    }

    private void removeFrom(String nodeName, String key) {
        NodeInfo info = nodes.get(nodeName);
        if (info != null && info.removePod(key) && info.node() == null && info.pods().isEmpty()) {
            nodes.remove(nodeName);
        }
    }

    /** Counts a pod on the chosen node before its binding is written (AssumePod). */
    void assume(PodInfo pod, String nodeName) {
        assumed.put(pod.key(), pod);
        podNodes.put(pod.key(), nodeName);
        nodes.computeIfAbsent(nodeName, NodeInfo::new).addPod(share(pod));
    }

    /**
     * Pods of one workload have equal labels; keeping one instance of each distinct set (and
     * namespace) lets a plugin that counts matching pods remember its answer per instance.
     */
    @SuppressWarnings("unchecked")
    private PodInfo share(PodInfo pod) {
        String namespace = (String) shared.computeIfAbsent(pod.namespace(), n -> n);
        Map<String, String> labels = (Map<String, String>) shared.computeIfAbsent(pod.labels(), l -> Map.copyOf(pod.labels()));
        return pod.sharing(namespace, labels);
    }

    /** Takes back an assumption whose binding failed (ForgetPod); a pod the watch already confirmed stays. */
    void forget(String key) {
        if (assumed.remove(key) != null) {
            removePod(key);
        }
    }

    boolean isAssumedOrBound(String key) {
        return podNodes.containsKey(key);
    }
}
