package org.laymanlabs.sandbox.kube.scheduler;

import java.util.List;

/**
 * Mirrors the scheduler framework's extension points (k8s.io/kube-scheduler/framework
 * interface.go): a plugin implements the ones it needs, and the {@link Framework} calls them in
 * the default profile's order.
 */
interface Plugin {

    /** The name kube-scheduler's configuration and metrics know the plugin by. */
    String name();

    /** Runs once per cycle before any node is looked at; may reject the pod outright. */
    interface PreFilter extends Plugin {
        Status preFilter(CycleState state, PodInfo pod);
    }

    /** Says whether the pod may run on one node. */
    interface Filter extends Plugin {
        Status filter(CycleState state, PodInfo pod, NodeInfo node);
    }

    /** Runs when no node fits, to say whether evicting pods would help (preemption). */
    interface PostFilter extends Plugin {
        Status postFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes, Diagnosis diagnosis);
    }

    /** Ranks the feasible nodes, 0 to 100 after normalizing; the profile multiplies by the plugin's weight. */
    interface Score extends Plugin {
        long MAX_NODE_SCORE = 100;

        /** Works out what every node's score needs; {@link Status#SKIP} leaves this plugin out of the cycle. */
        default Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
            return Status.SUCCESS;
        }

        long score(CycleState state, PodInfo pod, NodeInfo node);

        /** Rescales the raw scores in place, in the order of {@code nodes}. */
        default void normalize(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
        }
    }

    /**
     * Mirrors helper.DefaultNormalizeScore: scales counts so the largest becomes 100, or, reversed,
     * so the largest becomes 0 (for counts of something bad, such as PreferNoSchedule taints).
     */
    static void defaultNormalize(long[] scores, boolean reverse) {
        long max = 0;
        for (long score : scores) {
            max = Math.max(max, score);
        }
        for (int i = 0; i < scores.length; i++) {
            long scaled = max == 0 ? 0 : Score.MAX_NODE_SCORE * scores[i] / max;
            scores[i] = reverse ? Score.MAX_NODE_SCORE - scaled : scaled;
        }
    }
}
