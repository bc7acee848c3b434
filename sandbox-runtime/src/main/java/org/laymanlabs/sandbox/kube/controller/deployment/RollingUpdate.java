package org.laymanlabs.sandbox.kube.controller.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * Mirrors pkg/controller/deployment/util's rolling-update arithmetic (NewRSNewReplicas,
 * ResolveFenceposts, and the scale-down budget of reconcileOldReplicaSets) as pure functions,
 * so that "never below maxUnavailable, never above maxSurge" can be tested on numbers alone.
 */
final class RollingUpdate {

    private RollingUpdate() {
    }

    /** maxSurge and maxUnavailable as pod counts: surge rounds up, unavailable down, never both 0. */
    record Fenceposts(int maxSurge, int maxUnavailable) {
    }

    static Fenceposts resolve(IntOrString maxSurge, IntOrString maxUnavailable, int replicas) {
        int surge = scaled(maxSurge, replicas, true);
        int unavailable = scaled(maxUnavailable, replicas, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }

    private static int scaled(IntOrString value, int total, boolean roundUp) {
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String text = value.getStrVal();
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        return roundUp ? (int) Math.ceil(percent * total / 100.0) : (int) Math.floor(percent * total / 100.0);
    }

    /** How many replicas the new ReplicaSet should have now (NewRSNewReplicas for RollingUpdate). */
    static int newReplicas(int desired, int newCurrent, int allCurrent, Fenceposts fence) {
        if (newCurrent >= desired) {
            return desired;
        }
        int maxTotal = desired + fence.maxSurge();
        if (allCurrent >= maxTotal) {
            return newCurrent;
        }
        int scaleUp = Math.min(maxTotal - allCurrent, desired - newCurrent);
        return newCurrent + scaleUp;
    }

    /**
     * How many old pods may go now: reconcileOldReplicaSets' maxScaledDown, which keeps
     * {@code desired - maxUnavailable} pods available counting the new set's unready ones as lost.
     */
    static int oldScaleDownBudget(int desired, int allCurrent, int newReplicas, int newAvailable, Fenceposts fence) {
        int minAvailable = desired - fence.maxUnavailable();
        int newUnavailable = newReplicas - newAvailable;
        return Math.max(0, allCurrent - minAvailable - newUnavailable);
    }

    /** scaleDownOldReplicaSetsForRollingUpdate: only available pods above the minimum may go. */
    static int availableScaleDown(int desired, int allAvailable, Fenceposts fence) {
        return Math.max(0, allAvailable - (desired - fence.maxUnavailable()));
    }
}
