package org.laymanlabs.sandbox.kube.controller.replicaset;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.kube.api.PodStatuses;

/**
 * Mirrors controller.ActivePodsWithRanks (pkg/controller/controller_utils.go): which pods a
 * ReplicaSet deletes first when it scales down. Unscheduled before scheduled, Pending before
 * Running, not-ready before ready, pods crowded on one node before lonely ones, recently ready
 * before long ready, more restarts before fewer, and newer before older.
 */
final class ScaleDownOrder {

    private ScaleDownOrder() {
    }

    static List<Pod> deletionOrder(List<Pod> active, List<Pod> relatedOnNodes) {
        Map<String, Long> perNode = relatedOnNodes.stream().filter(p -> p.getSpec().getNodeName() != null)
                .collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(), Collectors.counting()));
        Comparator<Pod> order = Comparator.<Pod, Boolean>comparing(p -> p.getSpec().getNodeName() != null)
                .thenComparing(p -> phaseRank(PodStatuses.phase(p)))
                .thenComparing(PodStatuses::isReady)
                .thenComparing(Comparator.<Pod, Long>comparing(p -> perNode.getOrDefault(nodeOf(p), 0L)).reversed())
                .thenComparing(Comparator.comparing(ScaleDownOrder::readySince, Comparator.reverseOrder()))
                .thenComparing(Comparator.comparing(ScaleDownOrder::restarts).reversed())
                .thenComparing(Comparator.comparing((Function<Pod, String>) p -> p.getMetadata().getCreationTimestamp(),
                        Comparator.reverseOrder()));
        return active.stream().sorted(order).toList();
    }

    private static String nodeOf(Pod pod) {
        return pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
    }

    private static int phaseRank(String phase) {
        return switch (phase) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 3;
        };
    }

    private static String readySince(Pod pod) {
        return PodStatuses.condition(pod, "Ready").filter(c -> "True".equals(c.getStatus()))
                .map(c -> c.getLastTransitionTime() == null ? "" : c.getLastTransitionTime()).orElse("");
    }

    private static int restarts(Pod pod) {
        return pod.getStatus() == null ? 0
                : pod.getStatus().getContainerStatuses().stream().mapToInt(ContainerStatus::getRestartCount).sum();
    }
}
