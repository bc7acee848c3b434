package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Mirrors framework.NodeInfo: one node with the pods on it and what they add up to (requests,
 * host ports), kept up to date from the watch as pods come and go, so that a filter asks
 * "does it fit" in constant time instead of adding up every pod in the cluster.
 */
final class NodeInfo {

    /** Mirrors framework.ImageStateSummary: an image's size and on how many nodes it is, shared across nodes. */
    static final class ImageState {
        final long size;
        final Set<String> nodes = new java.util.HashSet<>();

        ImageState(long size) {
            this.size = size;
        }
    }

    private final String name;
    private Node node;
    private final Map<String, PodInfo> pods = new LinkedHashMap<>();
    private final List<PodInfo.HostPort> usedPorts = new ArrayList<>();
    private Map<String, ImageState> images = Map.of();
    private Resource requested = Resource.ZERO;
    private Resource nonZeroRequested = Resource.ZERO;
    private Resource allocatable = Resource.ZERO;
    private long allowedPodNumber;
    private long generation;
    private boolean unschedulable;
    private List<Taint> taints = List.of();
    private Map<String, String> labels = Map.of();
    private Object rememberedFor;
    private long rememberedAt = -1;
    private int remembered;

    NodeInfo(String name) {
        this.name = name;
    }

    /** A node with pods, built directly: what the plugin tests use. */
    static NodeInfo of(Node node, PodInfo... pods) {
        NodeInfo info = new NodeInfo(node.getMetadata().getName());
        info.setNode(node, Map.of());
        for (PodInfo pod : pods) {
            info.addPod(pod);
        }
        return info;
    }

    public String name() {
        return name;
    }

    /** The node, or null while only pods bound to a node the scheduler has not seen (or saw deleted) are known. */
    public Node node() {
        return node;
    }

    /** spec.unschedulable, read once per node change rather than once per pod and node. */
    boolean unschedulable() {
        return unschedulable;
    }

    List<Taint> taints() {
        return taints;
    }

    Map<String, String> labels() {
        return labels;
    }

    int podCount() {
        return pods.size();
    }

    public Collection<PodInfo> pods() {
        return Collections.unmodifiableCollection(pods.values());
    }

    public Resource requested() {
        return requested;
    }

    public Resource nonZeroRequested() {
        return nonZeroRequested;
    }

    public Resource allocatable() {
        return allocatable;
    }

    public long allowedPodNumber() {
        return allowedPodNumber;
    }

    List<PodInfo.HostPort> usedPorts() {
        return usedPorts;
    }

    Map<String, ImageState> images() {
        return images;
    }

    /** Bumped on every change, so a plugin may keep per-node results until the node changes. */
    long generation() {
        return generation;
    }

    /** A copy without the pods {@code leaving} picks, as preemption's dry run sees the node once its victims are gone. */
    NodeInfo without(java.util.function.Predicate<PodInfo> leaving) {
        NodeInfo copy = new NodeInfo(name);
        copy.setNode(node, images);
        pods.values().stream().filter(leaving.negate()).forEach(copy::addPod);
        return copy;
    }

    /**
     * A count a plugin derived from this node's pods for {@code key}, if the node has not changed
     * since; one slot per node, so that checking it costs two comparisons in a cycle over a
     * thousand nodes.
     */
    OptionalInt remembered(Object key) {
        return key == rememberedFor && rememberedAt == generation ? OptionalInt.of(remembered) : OptionalInt.empty();
    }

    void remember(Object key, int count) {
        rememberedFor = key;
        rememberedAt = generation;
        remembered = count;
    }

    void setNode(Node node, Map<String, ImageState> images) {
        this.node = node;
        this.images = images;
        Map<String, Quantity> list = node == null || node.getStatus() == null ? null : node.getStatus().getAllocatable();
        this.allocatable = Resource.of(list);
        Quantity pods = list == null ? null : list.get("pods");
        this.allowedPodNumber = pods == null ? 0 : Resource.whole(pods);
        this.unschedulable = node != null && node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        this.taints = node == null || node.getSpec() == null || node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        this.labels = node == null || node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        generation++;
    }

    void addPod(PodInfo pod) {
        PodInfo before = pods.put(pod.key(), pod);
        if (before != null) {
            subtract(before);
        }
        requested = requested.plus(pod.requests());
        nonZeroRequested = nonZeroRequested.plus(pod.nonZeroRequests());
        usedPorts.addAll(pod.hostPorts());
        generation++;
    }

    boolean removePod(String key) {
        PodInfo before = pods.remove(key);
        if (before == null) {
            return false;
        }
        subtract(before);
        generation++;
        return true;
    }

    private void subtract(PodInfo pod) {
        requested = requested.minus(pod.requests());
        nonZeroRequested = nonZeroRequested.minus(pod.nonZeroRequests());
        for (PodInfo.HostPort port : pod.hostPorts()) {
            usedPorts.remove(port);
        }
    }
}
