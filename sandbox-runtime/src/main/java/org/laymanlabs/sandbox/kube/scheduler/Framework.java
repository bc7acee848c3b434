package org.laymanlabs.sandbox.kube.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors framework/runtime (frameworkImpl) running kube-scheduler 1.32's default profile: the
 * Filter plugins in the profile's order, stopping at a node's first rejection; the Score
 * plugins, each normalized to 0–100 and multiplied by its weight (TaintToleration 3,
 * NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2, NodeResourcesBalancedAllocation 1,
 * ImageLocality 1); and DefaultPreemption when nothing fits.
 */
final class Framework {

    /** A Score plugin with its weight in the profile. */
    record Weighted(Plugin.Score plugin, int weight) {
    }

    private final List<Plugin.Filter> filters;
    private final List<Weighted> scorers;
    private final Plugin.PostFilter postFilter;

    Framework(List<Plugin.Filter> filters, List<Weighted> scorers) {
        this.filters = List.copyOf(filters);
        this.scorers = List.copyOf(scorers);
        this.postFilter = new DefaultPreemption(this);
    }

    /** The default profile, minus the volume plugins and InterPodAffinity, which the sandbox has nothing for. */
    static Framework defaultProfile(Cache cache, PodTopologySpread.Owners owners) {
        NodeUnschedulable unschedulable = new NodeUnschedulable();
        NodeName nodeName = new NodeName();
        TaintToleration taints = new TaintToleration();
        NodeAffinity affinity = new NodeAffinity();
        NodePorts ports = new NodePorts();
        NodeResourcesFit fit = new NodeResourcesFit();
        return new Framework(List.of(unschedulable, nodeName, taints, affinity, ports, fit),
                List.of(new Weighted(taints, 3), new Weighted(affinity, 2), new Weighted(fit, 1),
                        new Weighted(new PodTopologySpread(cache, owners), 2), new Weighted(new BalancedAllocation(), 1),
                        new Weighted(new ImageLocality(cache), 1)));
    }

    /** RunFilterPlugins: the first plugin that rejects the node decides its status. */
    Status runFilters(CycleState state, PodInfo pod, NodeInfo node) {
        for (Plugin.Filter filter : filters) {
            Status status = filter.filter(state, pod, node);
            if (!status.isSuccess()) {
                return status.withPlugin(filter.name());
            }
        }
        return Status.SUCCESS;
    }

    Status runPostFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes, Diagnosis diagnosis) {
        return postFilter.postFilter(state, pod, nodes, diagnosis).withPlugin(postFilter.name());
    }

    /** RunScorePlugins then the weights: each feasible node's total, in the order given. */
    long[] runScores(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        long[] totals = new long[feasible.size()];
        List<Weighted> active = new ArrayList<>(scorers.size());
        for (Weighted scorer : scorers) {
            if (scorer.plugin().preScore(state, pod, feasible).code() != Status.Code.SKIP) {
                active.add(scorer);
            }
        }
        long[] scores = new long[feasible.size()];
        for (Weighted scorer : active) {
            for (int i = 0; i < feasible.size(); i++) {
                scores[i] = scorer.plugin().score(state, pod, feasible.get(i));
            }
            scorer.plugin().normalize(state, pod, feasible, scores);
            for (int i = 0; i < feasible.size(); i++) {
                totals[i] += scores[i] * scorer.weight();
            }
        }
        return totals;
    }
}
