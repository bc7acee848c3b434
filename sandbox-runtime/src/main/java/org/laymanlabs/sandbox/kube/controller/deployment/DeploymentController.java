package org.laymanlabs.sandbox.kube.controller.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.LabelSelectors;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;
import org.laymanlabs.sandbox.kube.controller.Writes;

/**
 * Mirrors pkg/controller/deployment (deployment_controller.go, sync.go, rolling.go, recreate.go):
 * a Deployment owns one ReplicaSet per pod template, named by its pod-template-hash. A rollout
 * scales the new set up and the old ones down within maxSurge and maxUnavailable (or all old
 * ones to zero first, for Recreate), one step per sync, and prunes history beyond
 * revisionHistoryLimit.
 */
public final class DeploymentController implements Controller {

    private final ApiServer api;
    private final EventRecorder events;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();
    private TemplateHash lastHash;

    public DeploymentController(ApiServer api, EventRecorder events) {
        this.api = api;
        this.events = events;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.DEPLOYMENTS, "", from, e -> queue.add(ControllerRefs.key(e.object()))));
        watches.add(api.watch(ApiResources.REPLICA_SETS, "", from, e -> ownerOf((ReplicaSet) e.object())));
        watches.add(api.watch(ApiResources.PODS, "", from, e -> podChanged((Pod) e.object())));
        api.list(Deployment.class, "").forEach(d -> queue.add(ControllerRefs.key(d)));
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    private void ownerOf(ReplicaSet rs) {
        String ns = rs.getMetadata().getNamespace();
        var owner = ControllerRefs.of(rs);
        if (owner.isPresent()) {
            if (owner.get().getKind().equals("Deployment")) {
                queue.add(ns + "/" + owner.get().getName());
            }
            return;
        }
        api.list(Deployment.class, ns).stream()
                .filter(d -> LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels()))
                .forEach(d -> queue.add(ControllerRefs.key(d)));
    }

    /** Recreate waits for the old pods to be gone, so their changes wake the Deployment. */
    private void podChanged(Pod pod) {
        ControllerRefs.of(pod).filter(r -> r.getKind().equals("ReplicaSet"))
                .flatMap(r -> api.get(ReplicaSet.class, pod.getMetadata().getNamespace(), r.getName()))
                .ifPresent(this::ownerOf);
    }

    private void sync(String key, WorkQueue.Done done) {
        String ns = ControllerRefs.namespaceOf(key);
        Deployment d = api.get(Deployment.class, ns, ControllerRefs.nameOf(key)).orElse(null);
        if (d == null) {
            done.success();
            return;
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        List<ReplicaSet> all = claim(d, writes);
        String hash = hash(d);
        Optional<ReplicaSet> newRS = all.stream().filter(rs -> hash.equals(rs.getMetadata().getLabels().get("pod-template-hash"))).findFirst();
        List<ReplicaSet> old = all.stream().filter(rs -> newRS.isEmpty() || rs != newRS.get())
                .sorted(Comparator.comparing(rs -> rs.getMetadata().getCreationTimestamp())).toList();
        if (d.getMetadata().getDeletionTimestamp() == null && !Boolean.TRUE.equals(d.getSpec().getPaused())) {
            Rollout rollout = new Rollout(api, events, d, old, writes);
            if (newRS.isEmpty()) {
                rollout.createNewReplicaSet(hash, all);
            } else {
                rollout.syncRevision(newRS.get());
                rollout.step(newRS.get());
                rollout.pruneHistory(newRS.get());
            }
        }
        String now = api.clock().now().truncatedTo(ChronoUnit.SECONDS).toString();
        DeploymentStatus status = DeploymentStatuses.calculate(d, newRS, all, now);
        if (!Objects.equals(status, d.getStatus())) {
            writes.add(api.updateStatus(statusUpdate(d, status)));
        }
        Writes.finish(writes, done, DeploymentStatuses.untilDeadline(d, status, api.clock().now()));
    }

    /**
     * The body of a PUT to the Deployment's /status: the API server reads only its name,
     * namespace, resourceVersion and status, so the cached metadata is referred to, not copied,
     * and the status, built here and held nowhere else, is handed over.
     */
    private static Deployment statusUpdate(Deployment d, DeploymentStatus status) {
        Deployment given = new Deployment();
        given.setMetadata(d.getMetadata());
        given.setStatus(status);
        return given;
    }

    /**
     * The pod-template-hash of the Deployment's template. A status update keeps the cached
     * object's spec as it was (the same template object), and nothing changes a cached object,
     * so the last template's hash is kept rather than computed again at every sync.
     */
    private String hash(Deployment d) {
        PodTemplateSpec template = d.getSpec().getTemplate();
        Integer collisionCount = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
        if (lastHash == null || lastHash.template() != template || !Objects.equals(lastHash.collisionCount(), collisionCount)) {
            lastHash = new TemplateHash(template, collisionCount, PodTemplateHash.of(template, collisionCount));
        }
        return lastHash.hash();
    }

    private record TemplateHash(PodTemplateSpec template, Integer collisionCount, String hash) {
    }

    /** The ReplicaSets this Deployment controls, adopting matching orphans. */
    private List<ReplicaSet> claim(Deployment d, List<CompletableFuture<?>> writes) {
        List<ReplicaSet> owned = new ArrayList<>();
        for (ReplicaSet rs : api.list(ReplicaSet.class, d.getMetadata().getNamespace())) {
            if (ControllerRefs.ownedBy(rs, d)) {
                owned.add(rs);
            } else if (ControllerRefs.of(rs).isEmpty() && d.getMetadata().getDeletionTimestamp() == null
                    && LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels())) {
                writes.add(api.update(new ReplicaSetBuilder(rs).editMetadata().addToOwnerReferences(ControllerRefs.to(d)).endMetadata().build()));
                owned.add(rs);
            }
        }
        return owned;
    }

    static boolean hasActivePods(ApiServer api, ReplicaSet rs) {
        return api.list(Pod.class, rs.getMetadata().getNamespace()).stream()
                .anyMatch(p -> ControllerRefs.ownedBy(p, rs) && !PodStatuses.isTerminal(p));
    }
}
