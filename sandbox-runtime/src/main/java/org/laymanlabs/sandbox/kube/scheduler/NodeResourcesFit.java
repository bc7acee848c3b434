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
        List<String> reasons = new ArrayList<>(2);
        if (node.pods().size() + 1 > node.allowedPodNumber()) {
            reasons.add("Too many pods");
        }
        Resource free = node.allocatable().minus(node.requested());
        if (pod.milliCpu() > 0 && pod.milliCpu() > free.milliCpu()) {
            reasons.add("Insufficient cpu");
        }
        if (pod.memory() > 0 && pod.memory() > free.memory()) {
            reasons.add("Insufficient memory");
        }
        if (pod.ephemeralStorage() > 0 && pod.ephemeralStorage() > free.ephemeralStorage()) {
            reasons.add("Insufficient ephemeral-storage");
        }
        for (Map.Entry<String, Long> wanted : pod.scalar().entrySet()) {
            if (wanted.getValue() > 0 && wanted.getValue() > free.scalar().getOrDefault(wanted.getKey(), 0L)) {
                reasons.add("Insufficient " + wanted.getKey());
            }
        }
        return reasons;
    }

    /** LeastAllocated: the share of CPU and memory left free once the pod is there, averaged. */
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        Resource allocatable = node.allocatable();
        Resource requested = node.nonZeroRequested().plus(pod.nonZeroRequests());
        long sum = 0;
        long weights = 0;
        if (allocatable.milliCpu() > 0) {
            sum += leastRequested(requested.milliCpu(), allocatable.milliCpu());
            weights++;
        }
        if (allocatable.memory() > 0) {
            sum += leastRequested(requested.memory(), allocatable.memory());
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
