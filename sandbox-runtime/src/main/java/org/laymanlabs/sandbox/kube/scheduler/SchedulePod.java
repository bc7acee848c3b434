package org.laymanlabs.sandbox.kube.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mirrors schedule_one.go's SchedulePod: find the nodes that pass every filter (in a large
 * cluster, stop once enough are found, starting where the last cycle stopped, as
 * percentageOfNodesToScore's adaptive default does), score them, and take the best, breaking a
 * tie at random among the best as selectHost's reservoir sampling does.
 */
final class SchedulePod {

    static final String NO_NODES = "no nodes available to schedule pods";
    private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    /** A cycle's outcome. */
    sealed interface Result {
    }

    /** The chosen node, and how many nodes were evaluated and found feasible. */
    record Scheduled(String node, int evaluatedNodes, int feasibleNodes) implements Result {
    }

    /** No node fits: the FitError, with PostFilter's verdict already in its diagnosis. */
    record NoFit(FitError error) implements Result {
    }

    /** There are no nodes at all. */
    record NoNodes() implements Result {
    }

    private final Cache cache;
    private final Framework framework;
    private final RandomGenerator random;
    private int nextStartNodeIndex;

    SchedulePod(Cache cache, Framework framework, RandomGenerator random) {
        this.cache = cache;
        this.framework = framework;
        this.random = random;
    }

    Result schedule(PodInfo pod) {
        List<NodeInfo> nodes = cache.nodes();
        if (nodes.isEmpty()) {
            return new NoNodes();
        }
        CycleState state = new CycleState();
        Diagnosis diagnosis = new Diagnosis();
        List<NodeInfo> feasible = findNodesThatPassFilters(state, pod, nodes, diagnosis);
        if (feasible.isEmpty()) {
            diagnosis.postFilterMsg = framework.runPostFilter(state, pod, nodes, diagnosis).message();
            return new NoFit(new FitError(nodes.size(), diagnosis));
        }
        if (feasible.size() == 1) {
            return new Scheduled(feasible.get(0).name(), 1 + diagnosis.nodeToStatus.size(), 1);
        }
        long[] scores = framework.runScores(state, pod, feasible);
        return new Scheduled(selectHost(feasible, scores), feasible.size() + diagnosis.nodeToStatus.size(), feasible.size());
    }

    private List<NodeInfo> findNodesThatPassFilters(CycleState state, PodInfo pod, List<NodeInfo> nodes, Diagnosis diagnosis) {
        int wanted = numFeasibleNodesToFind(nodes.size());
        List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, nodes.size()));
        int processed = 0;
        while (processed < nodes.size() && feasible.size() < wanted) {
            NodeInfo node = nodes.get((nextStartNodeIndex + processed) % nodes.size());
            processed++;
            Status status = framework.runFilters(state, pod, node);
            if (status.isSuccess()) {
                feasible.add(node);
            } else {
                diagnosis.record(node.name(), status);
            }
        }
        nextStartNodeIndex = (nextStartNodeIndex + processed) % nodes.size();
        return feasible;
    }

    /** All nodes below 100; above, 50% less 1% per 125 nodes, at least 5% and at least 100 nodes. */
    static int numFeasibleNodesToFind(int allNodes) {
        if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return allNodes;
        }
        int percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - allNodes / 125);
        return Math.max(MIN_FEASIBLE_NODES_TO_FIND, allNodes * percentage / 100);
    }

    /** The highest total; among equals, each is kept with probability 1/count seen so far. */
    private String selectHost(List<NodeInfo> feasible, long[] scores) {
        int selected = 0;
        int ties = 1;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[selected]) {
                selected = i;
                ties = 1;
            } else if (scores[i] == scores[selected]) {
                ties++;
                if (random.nextInt(ties) == 0) {
                    selected = i;
                }
            }
        }
        return feasible.get(selected).name();
    }
}
