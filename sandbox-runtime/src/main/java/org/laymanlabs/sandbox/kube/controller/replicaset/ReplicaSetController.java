package org.laymanlabs.sandbox.kube.controller.replicaset;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Mirrors pkg/controller/replicaset/replica_set.go: keeps the number of running pods that match
 * a ReplicaSet's selector equal to its replicas, by creating pods from its template or deleting
 * the ones {@link ScaleDownOrder} ranks first, and reports what it sees in the status.
 */
public final class ReplicaSetController implements Controller {

    private final ApiServer api;
    private final EventRecorder events;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public ReplicaSetController(ApiServer api, EventRecorder events) {
        this.api = api;
        this.events = events;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        watches.add(api.watch(ApiResources.REPLICA_SETS, "", api.resourceVersion(), e -> queue.add(ControllerRefs.key(e.object()))));
        watches.add(api.watch(ApiResources.PODS, "", api.resourceVersion(), e -> podChanged((Pod) e.object())));
        api.list(ReplicaSet.class, "").forEach(rs -> queue.add(ControllerRefs.key(rs)));
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    /** A pod change wakes its owner, or every ReplicaSet that could adopt it. */
    private void podChanged(Pod pod) {
        var owner = ControllerRefs.of(pod);
        String ns = pod.getMetadata().getNamespace();
        if (owner.isPresent()) {
            if (owner.get().getKind().equals("ReplicaSet")) {
                queue.add(ns + "/" + owner.get().getName());
            }
            return;
        }
        api.list(ReplicaSet.class, ns).stream()
                .filter(rs -> LabelSelectors.matches(rs.getSpec().getSelector(), pod.getMetadata().getLabels()))
                .forEach(rs -> queue.add(ControllerRefs.key(rs)));
    }

    private void sync(String key, WorkQueue.Done done) {
        String ns = ControllerRefs.namespaceOf(key);
        ReplicaSet rs = api.get(ReplicaSet.class, ns, ControllerRefs.nameOf(key)).orElse(null);
        if (rs == null) {
            done.success();
            return;
        }
        List<CompletableFuture<?>> writes = new ArrayList<>();
        List<Pod> related = api.list(Pod.class, ns);
        List<Pod> owned = claim(rs, related, writes);
        List<Pod> active = owned.stream().filter(PodStatuses::isActive).toList();
        int want = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        int diff = active.size() - want;
        if (diff < 0 && rs.getMetadata().getDeletionTimestamp() == null) {
            writes.add(SlowStartBatch.run(Math.min(-diff, SlowStartBatch.BURST_REPLICAS), () -> createPod(rs)));
        } else if (diff > 0) {
            for (Pod pod : ScaleDownOrder.deletionOrder(active, related).subList(0, Math.min(diff, SlowStartBatch.BURST_REPLICAS))) {
                writes.add(api.delete(ApiResources.PODS, ns, pod.getMetadata().getName(), DeletionPropagation.BACKGROUND, null)
                        .thenAccept(deleted -> events.event(rs, EventRecorder.Type.Normal, "SuccessfulDelete",
                                "Deleted pod: " + pod.getMetadata().getName())));
            }
        }
        ReplicaSetStatus status = status(rs, owned, api.clock().now());
        if (!Objects.equals(status, rs.getStatus())) {
            writes.add(api.updateStatus(statusUpdate(rs, status)));
        }
        Writes.finish(writes, done, Availability.nextChange(owned, minReady(rs), api.clock().now()));
    }

    /**
     * The body of a PUT to the ReplicaSet's /status: the API server reads only its name,
     * namespace, resourceVersion and status, so the cached metadata is referred to, not copied,
     * and the status, built here and held nowhere else, is handed over.
     */
    private static ReplicaSet statusUpdate(ReplicaSet rs, ReplicaSetStatus status) {
        ReplicaSet given = new ReplicaSet();
        given.setMetadata(rs.getMetadata());
        given.setStatus(status);
        return given;
    }

    /** controller.RealPodControl.CreatePods: the pod, and an event either way. */
    private CompletableFuture<Pod> createPod(ReplicaSet rs) {
        return api.create(newPod(rs)).whenComplete((pod, failed) -> {
            if (failed == null) {
                events.event(rs, EventRecorder.Type.Normal, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
            } else {
                Throwable cause = failed instanceof java.util.concurrent.CompletionException ? failed.getCause() : failed;
                events.event(rs, EventRecorder.Type.Warning, "FailedCreate", "Error creating: " + cause.getMessage());
            }
        });
    }

    /** Pods this ReplicaSet controls, adopting matching orphans as the ControllerRefManager does. */
    private List<Pod> claim(ReplicaSet rs, List<Pod> pods, List<CompletableFuture<?>> writes) {
        List<Pod> owned = new ArrayList<>();
        for (Pod pod : pods) {
            if (ControllerRefs.ownedBy(pod, rs)) {
                owned.add(pod);
            } else if (ControllerRefs.of(pod).isEmpty() && PodStatuses.isActive(pod) && rs.getMetadata().getDeletionTimestamp() == null
                    && LabelSelectors.matches(rs.getSpec().getSelector(), pod.getMetadata().getLabels())) {
                Pod adopted = new PodBuilder(pod).editMetadata().addToOwnerReferences(ControllerRefs.to(rs)).endMetadata().build();
                writes.add(api.update(adopted));
                owned.add(pod);
            }
        }
        return owned;
    }

    /**
     * The pod to create from the ReplicaSet's template. The API server copies what it is given
     * before it changes anything, so the pod refers to the cached template's spec, labels and
     * annotations instead of copying them first.
     */
    private static Pod newPod(ReplicaSet rs) {
        var template = rs.getSpec().getTemplate();
        var meta = template.getMetadata() == null ? new ObjectMetaBuilder().build() : template.getMetadata();
        Pod pod = new Pod();
        pod.setMetadata(new ObjectMetaBuilder().withGenerateName(rs.getMetadata().getName() + "-")
                .withNamespace(rs.getMetadata().getNamespace()).withLabels(meta.getLabels())
                .withAnnotations(meta.getAnnotations()).withOwnerReferences(ControllerRefs.to(rs)).build());
        pod.setSpec(template.getSpec());
        return pod;
    }

    private static java.time.Duration minReady(ReplicaSet rs) {
        Integer seconds = rs.getSpec().getMinReadySeconds();
        return java.time.Duration.ofSeconds(seconds == null ? 0 : seconds);
    }

    private static ReplicaSetStatus status(ReplicaSet rs, List<Pod> owned, java.time.Instant now) {
        List<Pod> active = owned.stream().filter(PodStatuses::isActive).toList();
        var template = rs.getSpec().getTemplate();
        long labeled = active.stream().filter(p -> template.getMetadata() == null || p.getMetadata().getLabels()
                .entrySet().containsAll(template.getMetadata().getLabels().entrySet())).count();
        int ready = (int) active.stream().filter(PodStatuses::isReady).count();
        int available = (int) active.stream().filter(p -> Availability.isAvailable(p, minReady(rs), now)).count();
        return new ReplicaSetStatusBuilder().withReplicas(active.size()).withFullyLabeledReplicas(nonZero((int) labeled))
                .withReadyReplicas(nonZero(ready)).withAvailableReplicas(nonZero(available))
                .withObservedGeneration(rs.getMetadata().getGeneration()).build();
    }

    /** Go's omitempty: zero counts are left out of the status, as kube-controller-manager writes it. */
    private static Integer nonZero(int count) {
        return count == 0 ? null : count;
    }

    boolean isIdle() {
        return queue.isIdle();
    }

}
