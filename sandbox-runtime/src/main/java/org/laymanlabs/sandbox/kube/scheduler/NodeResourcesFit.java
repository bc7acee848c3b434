package org.laymanlabs.sandbox.kube.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors plugins/noderesources/fit.go with the LeastAllocated scoring strategy: a pod fits
 * when its requests fit in the node's allocatable minus what the pods already there request
 * (every resource that does not fit is a reason of its own), and the emptier node scores
 * higher, CPU and memory weighted alike. Preemption could help, so the filter says
 * Unschedulable (kube-scheduler 1.32 never says Unresolvable here).
 */
final class NodeResourcesFit implements Plugin.Filter, Plugin.Score {

    static final String NAME = "NodeResourcesFit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
        List<String> reasons = insufficient(pod.requests(), node);
        return reasons.isEmpty() ? Status.SUCCESS : Status.unschedulable(reasons.toArray(String[]::new));
    }

    /** Mirrors fitsRequest: the pod count first, then CPU, memory, ephemeral storage and extended resources. */
    static List<String> insufficient(Resource pod, NodeInfo node) {
        List<String> reasons = List.of();
        if (node.podCount() + 1 > node.allowedPodNumber()) {
            reasons = add(reasons, "Too many pods");
        }
        Resource allocatable = node.allocatable();
        Resource requested = node.requested();
        if (pod.milliCpu() > 0 && pod.milliCpu() > allocatable.milliCpu() - requested.milliCpu()) {
            reasons = add(reasons, "Insufficient cpu");
        }
        if (pod.memory() > 0 && pod.memory() > allocatable.memory() - requested.memory()) {
            reasons = add(reasons, "Insufficient memory");
        }
        if (pod.ephemeralStorage() > 0 && pod.ephemeralStorage() > allocatable.ephemeralStorage() - requested.ephemeralStorage()) {
            reasons = add(reasons, "Insufficient ephemeral-storage");
        }
        for (Map.Entry<String, Long> wanted : pod.scalar().entrySet()) {
            long free = allocatable.scalar().getOrDefault(wanted.getKey(), 0L) - requested.scalar().getOrDefault(wanted.getKey(), 0L);
            if (wanted.getValue() > 0 && wanted.getValue() > free) {
                reasons = add(reasons, "Insufficient " + wanted.getKey());
            }
        }
        return reasons;
    }

    /** Most nodes fit: no list is allocated for them. */
    private static List<String> add(List<String> reasons, String reason) {
        List<String> more = new ArrayList<>(reasons);
        more.add(reason);
        return more;
    }

    /** LeastAllocated: the share of CPU and memory left free once the pod is there, averaged. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        Resource allocatable = node.allocatable();
        long sum = 0;
        long weights = 0;
        if (allocatable.milliCpu() > 0) {
            sum += leastRequested(node.nonZeroRequested().milliCpu() + pod.nonZeroRequests().milliCpu(), allocatable.milliCpu());
            weights++;
        }
        if (allocatable.memory() > 0) {
            sum += leastRequested(node.nonZeroRequested().memory() + pod.nonZeroRequests().memory(), allocatable.memory());
            weights++;
        }
        return weights == 0 ? 0 : sum / weights;
    }

    private static long leastRequested(long requested, long capacity) {
        if (requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }
}
