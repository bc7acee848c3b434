package org.laymanlabs.sandbox.kube.scheduler;

import java.util.List;

/**
 * Mirrors plugins/defaultpreemption with framework/preemption's Evaluator as far as its verdict:
 * whether evicting lower-priority pods would make room. Nodes rejected as unresolvable (a
 * taint, a selector, a cordon) are "Preemption is not helpful for scheduling"; a node with no
 * lower-priority pod is "No preemption victims found for incoming pod"; a node where even
 * evicting every lower-priority pod is not enough keeps its filter's reason.
 *
 * <p>The sandbox serves no PriorityClasses, so every pod has priority 0 unless its manifest sets
 * one, and a victim is found only then. Evicting victims and nominating the node is not done:
 * when a candidate exists the plugin says so without a message, and the pod waits in the queue.
 */
final class DefaultPreemption implements Plugin.PostFilter {

    static final String NAME = "DefaultPreemption";
    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
    static final String NO_VICTIMS = "No preemption victims found for incoming pod";

    private final Framework framework;

    DefaultPreemption(Framework framework) {
        this.framework = framework;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status postFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes, Diagnosis diagnosis) {
        if ("Never".equals(pod.pod().getSpec().getPreemptionPolicy())) {
            return Status.unschedulable("preemption: not eligible due to preemptionPolicy=Never.");
        }
        Diagnosis dryRun = new Diagnosis();
        dryRun.absentNodesStatus = Status.unresolvable(NOT_HELPFUL);
        boolean candidate = false;
        for (NodeInfo node : nodes) {
            if (diagnosis.status(node.name()).code() != Status.Code.UNSCHEDULABLE) {
                continue;
            }
            Status verdict = selectVictims(state, pod, node);
            if (verdict.isSuccess()) {
                candidate = true;
            } else {
                dryRun.record(node.name(), verdict);
            }
        }
        if (candidate) {
            return new Status(Status.Code.UNSCHEDULABLE, List.of(), null);
        }
        return Status.unschedulable("preemption: " + new FitError(nodes.size(), dryRun).message());
    }

    /** Mirrors SelectVictimsOnNode as far as: would the pod fit with every lower-priority pod gone? */
    private Status selectVictims(CycleState state, PodInfo pod, NodeInfo node) {
        NodeInfo without = node.without(other -> other.priority() < pod.priority());
        if (without.pods().size() == node.pods().size()) {
            return Status.unresolvable(NO_VICTIMS);
        }
        return framework.runFilters(state, pod, without);
    }
}
