package org.laymanlabs.sandbox.kube.controller.deployment;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;

/**
 * One sync's worth of rollout for one Deployment: create the new ReplicaSet, then move one step
 * of RollingUpdate (rolling.go) or Recreate (recreate.go), then prune old history.
 */
final class Rollout {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String DESIRED = "deployment.kubernetes.io/desired-replicas";
    static final String MAX = "deployment.kubernetes.io/max-replicas";

    private final ApiServer api;
    private final EventRecorder events;
    private final Deployment d;
    private final List<ReplicaSet> old;
    private final List<CompletableFuture<?>> writes;
    private final int desired;
    private final RollingUpdate.Fenceposts fence;

    Rollout(ApiServer api, EventRecorder events, Deployment d, List<ReplicaSet> old, List<CompletableFuture<?>> writes) {
        this.api = api;
        this.events = events;
        this.d = d;
        this.old = old;
        this.writes = writes;
        this.desired = d.getSpec().getReplicas();
        this.fence = recreate() ? new RollingUpdate.Fenceposts(0, desired)
                : RollingUpdate.resolve(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge(),
                d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable(), desired);
    }

    private boolean recreate() {
        return "Recreate".equals(d.getSpec().getStrategy().getType());
    }

    void createNewReplicaSet(String hash, List<ReplicaSet> all) {
        int current = all.stream().mapToInt(rs -> DeploymentStatuses.count(rs.getSpec().getReplicas())).sum();
        int replicas = recreate() ? (current == 0 ? desired : 0) : RollingUpdate.newReplicas(desired, 0, current, fence);
        PodTemplateSpec template = Codec.shared().copy(d.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put("pod-template-hash", hash);
        template.getMetadata().setLabels(labels);
        LabelSelector selector = new LabelSelectorBuilder(d.getSpec().getSelector()).addToMatchLabels("pod-template-hash", hash).build();
        Map<String, String> annotations = annotations(replicas);
        annotations.put(REVISION, Long.toString(maxRevision() + 1));
        ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName(d.getMetadata().getName() + "-" + hash)
                .withNamespace(d.getMetadata().getNamespace()).withLabels(labels).withAnnotations(annotations)
                .withOwnerReferences(ControllerRefs.to(d)).endMetadata()
                .withNewSpec().withReplicas(replicas).withSelector(selector).withTemplate(template)
                .withMinReadySeconds(d.getSpec().getMinReadySeconds()).endSpec().build();
        writes.add(api.create(rs).thenAccept(created -> {
            if (replicas > 0) {
                scaledEvent(created, 0, replicas);
            }
        }));
    }

    /** The new set's revision is one above every old one (after an undo, an old set becomes new again). */
    void syncRevision(ReplicaSet newRS) {
        long max = maxRevision();
        if (revision(newRS) <= max) {
            ReplicaSet updated = new ReplicaSetBuilder(newRS).editMetadata().addToAnnotations(REVISION, Long.toString(max + 1))
                    .endMetadata().build();
            writes.add(api.update(updated));
        }
    }

    void step(ReplicaSet newRS) {
        int newReplicas = DeploymentStatuses.count(newRS.getSpec().getReplicas());
        if (recreate()) {
            List<ReplicaSet> active = old.stream().filter(rs -> DeploymentStatuses.count(rs.getSpec().getReplicas()) > 0).toList();
            if (!active.isEmpty()) {
                active.forEach(rs -> scale(rs, 0));
            } else if (old.stream().noneMatch(rs -> DeploymentController.hasActivePods(api, rs)) && newReplicas != desired) {
                scale(newRS, desired);
            }
            return;
        }
        int allCurrent = newReplicas + old.stream().mapToInt(rs -> DeploymentStatuses.count(rs.getSpec().getReplicas())).sum();
        int target = newReplicas > desired ? desired : RollingUpdate.newReplicas(desired, newReplicas, allCurrent, fence);
        if (target != newReplicas) {
            scale(newRS, target);
            return;
        }
        scaleDownOld(newRS, allCurrent);
    }

    /** reconcileOldReplicaSets: first the old sets' unavailable pods, then available ones above the minimum. */
    private void scaleDownOld(ReplicaSet newRS, int allCurrent) {
        int newAvailable = available(newRS);
        int budget = RollingUpdate.oldScaleDownBudget(desired, allCurrent, DeploymentStatuses.count(newRS.getSpec().getReplicas()),
                newAvailable, fence);
        if (budget <= 0 || old.stream().allMatch(rs -> DeploymentStatuses.count(rs.getSpec().getReplicas()) == 0)) {
            return;
        }
        Map<ReplicaSet, Integer> target = new java.util.LinkedHashMap<>();
        old.forEach(rs -> target.put(rs, DeploymentStatuses.count(rs.getSpec().getReplicas())));
        int cleaned = 0;
        for (ReplicaSet rs : old) {
            int unhealthy = target.get(rs) - available(rs);
            if (cleaned >= budget) {
                break;
            }
            if (target.get(rs) > 0 && unhealthy > 0) {
                int down = Math.min(budget - cleaned, unhealthy);
                target.put(rs, target.get(rs) - down);
                cleaned += down;
            }
        }
        int allAvailable = newAvailable + old.stream().mapToInt(Rollout::available).sum();
        int availableBudget = RollingUpdate.availableScaleDown(desired, allAvailable, fence);
        int scaled = 0;
        for (ReplicaSet rs : old) {
            if (scaled >= availableBudget) {
                break;
            }
            int down = Math.min(target.get(rs), availableBudget - scaled);
            target.put(rs, target.get(rs) - down);
            scaled += down;
        }
        target.forEach((rs, replicas) -> {
            if (replicas != DeploymentStatuses.count(rs.getSpec().getReplicas())) {
                scale(rs, replicas);
            }
        });
    }

    /** cleanupDeployment: old sets beyond revisionHistoryLimit, scaled to zero and empty, are deleted oldest first. */
    void pruneHistory(ReplicaSet newRS) {
        int limit = d.getSpec().getRevisionHistoryLimit() == null ? 10 : d.getSpec().getRevisionHistoryLimit();
        List<ReplicaSet> idle = old.stream().filter(rs -> DeploymentStatuses.count(rs.getSpec().getReplicas()) == 0
                && (rs.getStatus() == null || DeploymentStatuses.count(rs.getStatus().getReplicas()) == 0)).toList();
        for (int i = 0; i < idle.size() - limit; i++) {
            writes.add(api.delete(ApiResources.REPLICA_SETS, d.getMetadata().getNamespace(), idle.get(i).getMetadata().getName(),
                    DeletionPropagation.BACKGROUND, null));
        }
    }

    private void scale(ReplicaSet rs, int replicas) {
        int from = DeploymentStatuses.count(rs.getSpec().getReplicas());
        ReplicaSet scaled = new ReplicaSetBuilder(rs).editMetadata().addToAnnotations(annotations(replicas)).endMetadata()
                .editSpec().withReplicas(replicas).endSpec().build();
        writes.add(api.update(scaled).thenAccept(done -> scaledEvent(rs, from, replicas)));
    }

    private void scaledEvent(ReplicaSet rs, int from, int to) {
        events.event(d, EventRecorder.Type.Normal, "ScalingReplicaSet", "Scaled " + (to > from ? "up" : "down")
                + " replica set " + rs.getMetadata().getName() + " from " + from + " to " + to);
    }

    private Map<String, String> annotations(int replicas) {
        Map<String, String> annotations = new HashMap<>();
        d.getMetadata().getAnnotations().forEach((k, v) -> {
            if (!k.equals("kubectl.kubernetes.io/last-applied-configuration") && !k.equals(REVISION)) {
                annotations.put(k, v);
            }
        });
        annotations.put(DESIRED, Integer.toString(desired));
        annotations.put(MAX, Integer.toString(desired + fence.maxSurge()));
        return annotations;
    }

    private long maxRevision() {
        return old.stream().mapToLong(Rollout::revision).max().orElse(0);
    }

    static long revision(ReplicaSet rs) {
        String value = rs.getMetadata().getAnnotations().get(REVISION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int available(ReplicaSet rs) {
        return rs.getStatus() == null ? 0 : DeploymentStatuses.count(rs.getStatus().getAvailableReplicas());
    }
}
