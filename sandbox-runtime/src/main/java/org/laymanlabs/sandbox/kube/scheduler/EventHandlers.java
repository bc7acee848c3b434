package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.apiserver.WatchEvent;

/**
 * Mirrors kube-scheduler's eventhandlers.go behind its informers: bound pods and nodes go into
 * the cache; pending pods for this scheduler go into the queue; a change that could make room
 * (a node added, a taint or label changed, a bound pod gone) moves waiting pods back. Pods that
 * have finished (Succeeded, Failed) count as gone, as the scheduler's pod informer selects
 * {@code status.phase!=Succeeded,status.phase!=Failed}. Handlers only update state; they never
 * schedule.
 */
final class EventHandlers {

    private final Cache cache;
    private final SchedulingQueue queue;
    private final String schedulerName;
    private final List<ApiWatch> watches = new ArrayList<>();

    EventHandlers(Cache cache, SchedulingQueue queue, String schedulerName) {
        this.cache = cache;
        this.queue = queue;
        this.schedulerName = schedulerName;
    }

    /** List then watch from the list's resourceVersion, as an informer does. */
    void start(ApiServer api) {
        long revision = api.resourceVersion();
        api.list(Node.class, "").forEach(this::nodeAddedOrUpdated);
        api.list(Pod.class, "").forEach(this::podAddedOrUpdated);
        watches.add(api.watch(ApiResources.NODES, "", revision, this::onNode));
        watches.add(api.watch(ApiResources.PODS, "", revision, this::onPod));
    }

    void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
    }

    private void onNode(WatchEvent event) {
        Node node = (Node) event.object();
        if (event.type() == WatchEvent.Type.DELETED) {
            cache.removeNode(node.getMetadata().getName());
        } else {
            nodeAddedOrUpdated(node);
        }
    }

    private void nodeAddedOrUpdated(Node node) {
        Node before = cache.node(node.getMetadata().getName()).map(NodeInfo::node).orElse(null);
        cache.addOrUpdateNode(node);
        if (before == null) {
            queue.move(SchedulingQueue.ClusterEvent.NODE_ADD);
            return;
        }
        if (!Objects.equals(allocatable(before), allocatable(node))) {
            queue.move(SchedulingQueue.ClusterEvent.NODE_ALLOCATABLE);
        }
        if (!Objects.equals(before.getMetadata().getLabels(), node.getMetadata().getLabels())) {
            queue.move(SchedulingQueue.ClusterEvent.NODE_LABEL);
        }
        if (!Objects.equals(before.getSpec().getTaints(), node.getSpec().getTaints())
                || !Objects.equals(before.getSpec().getUnschedulable(), node.getSpec().getUnschedulable())) {
            queue.move(SchedulingQueue.ClusterEvent.NODE_TAINT);
        }
    }

    private static Object allocatable(Node node) {
        return node.getStatus() == null ? null : node.getStatus().getAllocatable();
    }

    private void onPod(WatchEvent event) {
        Pod pod = (Pod) event.object();
        if (event.type() == WatchEvent.Type.DELETED) {
            podDeleted(pod);
        } else {
            podAddedOrUpdated(pod);
        }
    }

    private void podAddedOrUpdated(Pod pod) {
        String key = PodInfo.key(pod);
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        boolean finished = "Succeeded".equals(phase) || "Failed".equals(phase);
        if (finished) {
            podDeleted(pod);
        } else if (assigned(pod)) {
            queue.delete(key);
            cache.addOrUpdatePod(pod);
        } else if (!schedulerName.equals(pod.getSpec().getSchedulerName()) || pod.getMetadata().getDeletionTimestamp() != null) {
            queue.delete(key);
        } else if (!cache.isAssumedOrBound(key)) {
            queue.addOrUpdate(PodInfo.of(pod));
        }
    }

    private void podDeleted(Pod pod) {
        String key = PodInfo.key(pod);
        queue.delete(key);
        if (assigned(pod) && cache.isAssumedOrBound(key)) {
            cache.removePod(key);
            queue.move(SchedulingQueue.ClusterEvent.ASSIGNED_POD_DELETE);
        }
    }

    private static boolean assigned(Pod pod) {
        String node = pod.getSpec().getNodeName();
        return node != null && !node.isEmpty();
    }
}
