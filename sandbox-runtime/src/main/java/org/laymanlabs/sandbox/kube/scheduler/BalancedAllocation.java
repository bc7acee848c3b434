package org.laymanlabs.sandbox.kube.scheduler;

/**
 * Mirrors plugins/noderesources/balanced_allocation.go (NodeResourcesBalancedAllocation): a node
 * whose CPU and memory would be used in similar shares once the pod is there scores higher,
 * (1 - the spread of the two shares) × 100, so no node runs out of one while the other idles.
 * It counts the pods' real requests, not the scoring defaults. With only one of the two known
 * the spread is zero, as with one fraction in the real plugin.
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
        if (allocatable.milliCpu() <= 0 || allocatable.memory() <= 0) {
            return MAX_NODE_SCORE;
        }
        double cpu = Math.min(1, (double) (node.requested().milliCpu() + pod.requests().milliCpu()) / allocatable.milliCpu());
        double memory = Math.min(1, (double) (node.requested().memory() + pod.requests().memory()) / allocatable.memory());
        double std = Math.abs((cpu - memory) / 2);
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }
}
