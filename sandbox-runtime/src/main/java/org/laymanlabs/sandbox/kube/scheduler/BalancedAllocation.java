package org.laymanlabs.sandbox.kube.scheduler;

/**
 * Mirrors plugins/noderesources/balanced_allocation.go (NodeResourcesBalancedAllocation): a node
 * whose CPU and memory would be used in similar shares once the pod is there scores higher,
 * (1 - the spread of the two shares) × 100, so no node runs out of one while the other idles.
 * It counts the pods' real requests, not the scoring defaults.
 */
final class BalancedAllocation implements Plugin.Score {

    static final String NAME = "NodeResourcesBalancedAllocation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        Resource allocatable = node.allocatable();
        Resource requested = node.requested().plus(pod.requests());
        double[] fractions = new double[2];
        int n = 0;
        if (allocatable.milliCpu() > 0) {
            fractions[n++] = Math.min(1, (double) requested.milliCpu() / allocatable.milliCpu());
        }
        if (allocatable.memory() > 0) {
            fractions[n++] = Math.min(1, (double) requested.memory() / allocatable.memory());
        }
        double std = n == 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
