package org.laymanlabs.sandbox.kube.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mirrors deployment/sync.go calculateStatus and progress.go: the replica counts a Deployment
 * reports and its Available and Progressing conditions with the real reasons and messages.
 * Go's omitempty drops zero counts, so they are left null here.
 */
final class DeploymentStatuses {

    private DeploymentStatuses() {
    }

    static DeploymentStatus calculate(Deployment d, Optional<ReplicaSet> newRS, List<ReplicaSet> all, String now) {
        int desired = d.getSpec().getReplicas();
        int total = all.stream().mapToInt(rs -> count(rs.getStatus() == null ? null : rs.getStatus().getReplicas())).sum();
        int specTotal = all.stream().mapToInt(rs -> count(rs.getSpec().getReplicas())).sum();
        int ready = all.stream().mapToInt(rs -> count(rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas())).sum();
        int available = all.stream().mapToInt(rs -> count(rs.getStatus() == null ? null : rs.getStatus().getAvailableReplicas())).sum();
        int updated = newRS.map(rs -> count(rs.getStatus() == null ? null : rs.getStatus().getReplicas())).orElse(0);
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(d.getMetadata().getGeneration());
        status.setReplicas(nonZero(total));
        status.setUpdatedReplicas(nonZero(updated));
        status.setReadyReplicas(nonZero(ready));
        status.setAvailableReplicas(nonZero(available));
        status.setUnavailableReplicas(nonZero(Math.max(0, specTotal - available)));
        status.setCollisionCount(d.getStatus() == null ? null : d.getStatus().getCollisionCount());
        List<DeploymentCondition> old = d.getStatus() == null ? List.of() : d.getStatus().getConditions();
        int maxUnavailable = "Recreate".equals(d.getSpec().getStrategy().getType()) ? 0
                : RollingUpdate.resolve(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge(),
                d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable(), desired).maxUnavailable();
        List<DeploymentCondition> conditions = new ArrayList<>();
        conditions.add(available >= desired - maxUnavailable
                ? condition(old, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
                : condition(old, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now));
        String name = newRS.map(rs -> rs.getMetadata().getName()).orElse("");
        boolean complete = updated == desired && available == desired && total == desired && newRS.isPresent();
        conditions.add(progressing(d, old, name, complete, progressed(d.getStatus(), status), now));
        status.setConditions(conditions);
        return status;
    }

    /**
     * progress.go: Progressing stays True while the rollout moves (its lastUpdateTime follows each
     * step) and turns False with ProgressDeadlineExceeded once nothing has moved for
     * progressDeadlineSeconds.
     */
    private static DeploymentCondition progressing(Deployment d, List<DeploymentCondition> old, String rs, boolean complete,
                                                   boolean moved, String now) {
        if (complete) {
            return condition(old, "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + rs + "\" has successfully progressed.", now);
        }
        Optional<DeploymentCondition> before = old.stream().filter(c -> c.getType().equals("Progressing")).findFirst();
        if (!moved && before.filter(c -> "ProgressDeadlineExceeded".equals(c.getReason())).isPresent()) {
            return before.get(); // it stays timed out until the rollout moves again
        }
        String lastProgress = moved || before.isEmpty() ? now : before.get().getLastUpdateTime();
        int deadline = d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
        if (java.time.Instant.parse(lastProgress).plusSeconds(deadline).isBefore(java.time.Instant.parse(now))) {
            return condition(old, "Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"" + rs + "\" has timed out progressing.", now);
        }
        String transition = before.filter(c -> c.getStatus().equals("True")).map(DeploymentCondition::getLastTransitionTime).orElse(now);
        return new DeploymentCondition(transition, lastProgress, "ReplicaSet \"" + rs + "\" is progressing.", "ReplicaSetUpdated", "True", "Progressing");
    }

    /** Whether any count moved since the last status: progress, in the deployment controller's sense. */
    private static boolean progressed(DeploymentStatus before, DeploymentStatus now) {
        return before == null || !java.util.Objects.equals(before.getUpdatedReplicas(), now.getUpdatedReplicas())
                || !java.util.Objects.equals(before.getReadyReplicas(), now.getReadyReplicas())
                || !java.util.Objects.equals(before.getAvailableReplicas(), now.getAvailableReplicas())
                || !java.util.Objects.equals(before.getReplicas(), now.getReplicas());
    }

    /** When the deadline will pass if nothing moves, so the controller can look again then. */
    static Optional<java.time.Duration> untilDeadline(Deployment d, DeploymentStatus status, java.time.Instant now) {
        return status.getConditions().stream().filter(c -> c.getType().equals("Progressing") && c.getReason().equals("ReplicaSetUpdated"))
                .findFirst().map(c -> {
                    int deadline = d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
                    java.time.Duration left = java.time.Duration.between(now, java.time.Instant.parse(c.getLastUpdateTime()).plusSeconds(deadline));
                    return left.isNegative() ? java.time.Duration.ofSeconds(1) : left.plusSeconds(1);
                });
    }

    /** A condition keeps its lastTransitionTime while its status holds, and its lastUpdateTime while nothing changes. */
    private static DeploymentCondition condition(List<DeploymentCondition> old, String type, String status, String reason,
                                                 String message, String now) {
        Optional<DeploymentCondition> before = old.stream().filter(c -> c.getType().equals(type)).findFirst();
        String transition = before.filter(c -> c.getStatus().equals(status)).map(DeploymentCondition::getLastTransitionTime).orElse(now);
        String update = before.filter(c -> c.getStatus().equals(status) && c.getReason().equals(reason) && c.getMessage().equals(message))
                .map(DeploymentCondition::getLastUpdateTime).orElse(now);
        return new DeploymentCondition(transition, update, message, reason, status, type);
    }

    static int count(Integer value) {
        return value == null ? 0 : value;
    }

    private static Integer nonZero(int value) {
        return value == 0 ? null : value;
    }
}
