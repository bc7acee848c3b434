package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Optional;

/**
 * Mirrors k8s.io/kubernetes pkg/api/v1/pod util: the questions controllers ask of a pod's status
 * (is it Ready, since when, has it finished), answered the same way everywhere.
 */
public final class PodStatuses {

    private PodStatuses() {
    }

    public static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isReady(Pod pod) {
        return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    /** Succeeded or Failed: its containers will not run again. */
    public static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    /** controller.IsPodActive: counts toward a ReplicaSet's replicas. */
    public static boolean isActive(Pod pod) {
        return !isTerminal(pod) && pod.getMetadata().getDeletionTimestamp() == null;
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
    }
}
