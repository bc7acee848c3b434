package org.laymanlabs.sandbox.kube.controller.daemon;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.api.Tolerations;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;
import org.laymanlabs.sandbox.kube.controller.Writes;

/**
 * Mirrors pkg/controller/daemon/daemon_controller.go: one pod of a DaemonSet on every node whose
 * taints its pods tolerate and whose labels its nodeSelector matches. Each pod is pinned to its
 * node with required node affinity on metadata.name, and the default scheduler places it.
 */
public final class DaemonSetController implements Controller {

    /** The tolerations daemon pods always get (util.AddOrUpdateDaemonPodTolerations). */
    private static final List<Toleration> DAEMON_TOLERATIONS = List.of(
            new Toleration("NoExecute", "node.kubernetes.io/not-ready", "Exists", null, null),
            new Toleration("NoExecute", "node.kubernetes.io/unreachable", "Exists", null, null),
            new Toleration("NoSchedule", "node.kubernetes.io/disk-pressure", "Exists", null, null),
            new Toleration("NoSchedule", "node.kubernetes.io/memory-pressure", "Exists", null, null),
            new Toleration("NoSchedule", "node.kubernetes.io/pid-pressure", "Exists", null, null),
            new Toleration("NoSchedule", "node.kubernetes.io/unschedulable", "Exists", null, null));

    private final ApiServer api;
    private final EventRecorder events;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public DaemonSetController(ApiServer api, EventRecorder events) {
        this.api = api;
        this.events = events;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.DAEMON_SETS, "", from, e -> queue.add(ControllerRefs.key(e.object()))));
        watches.add(api.watch(ApiResources.NODES, "", from, e -> all()));
        watches.add(api.watch(ApiResources.PODS, "", from, e -> ControllerRefs.of(e.object())
                .filter(r -> r.getKind().equals("DaemonSet"))
                .ifPresent(r -> queue.add(e.object().getMetadata().getNamespace() + "/" + r.getName()))));
        all();
    }

    private void all() {
        api.list(DaemonSet.class, "").forEach(ds -> queue.add(ControllerRefs.key(ds)));
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    private void sync(String key, WorkQueue.Done done) {
        String ns = ControllerRefs.namespaceOf(key);
        DaemonSet ds = api.get(DaemonSet.class, ns, ControllerRefs.nameOf(key)).orElse(null);
        if (ds == null || ds.getMetadata().getDeletionTimestamp() != null) {
            done.success();
            return;
        }
        String hash = Integer.toUnsignedString(Codec.shared().toStorage(ds.getSpec().getTemplate()).hashCode(), 36);
        Map<String, List<Pod>> byNode = new HashMap<>();
        api.list(Pod.class, ns).stream().filter(p -> ControllerRefs.ownedBy(p, ds) && PodStatuses.isActive(p))
                .forEach(p -> byNode.computeIfAbsent(nodeOf(p), n -> new ArrayList<>()).add(p));
        List<CompletableFuture<?>> writes = new ArrayList<>();
        int desired = 0;
        for (Node node : api.list(Node.class, "")) {
            String name = node.getMetadata().getName();
            List<Pod> pods = byNode.remove(name);
            if (!shouldRun(ds, node)) {
                if (pods != null) {
                    pods.forEach(p -> writes.add(delete(p)));
                }
                continue;
            }
            desired++;
            if (pods == null) {
                writes.add(api.create(newPod(ds, name, hash)).thenAccept(p -> events.event(ds, EventRecorder.Type.Normal,
                        "SuccessfulCreate", "Created pod: " + p.getMetadata().getName())));
            } else if (!hash.equals(pods.get(0).getMetadata().getLabels().get("controller-revision-hash")) && PodStatuses.isReady(pods.get(0))) {
                writes.add(delete(pods.get(0)));
            }
        }
        byNode.values().forEach(orphaned -> orphaned.forEach(p -> writes.add(delete(p))));
        DaemonSetStatus status = status(ds, desired, hash);
        if (!Objects.equals(status, ds.getStatus())) {
            writes.add(api.updateStatus(new DaemonSetBuilder(ds).withStatus(status).build()));
        }
        Writes.finish(writes, done);
    }

    private CompletableFuture<?> delete(Pod pod) {
        return api.delete(ApiResources.PODS, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), DeletionPropagation.BACKGROUND, null);
    }

    private static String nodeOf(Pod pod) {
        var affinity = pod.getSpec().getAffinity();
        if (pod.getSpec().getNodeName() != null) {
            return pod.getSpec().getNodeName();
        }
        return affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0)
                .getMatchFields().get(0).getValues().get(0);
    }

    /** nodeShouldRunDaemonPod: the node's NoSchedule and NoExecute taints are tolerated and its labels match. */
    static boolean shouldRun(DaemonSet ds, Node node) {
        PodSpec spec = ds.getSpec().getTemplate().getSpec();
        Map<String, String> selector = spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector();
        if (!node.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())) {
            return false;
        }
        List<Toleration> tolerations = new ArrayList<>(spec.getTolerations());
        tolerations.addAll(DAEMON_TOLERATIONS);
        for (Taint taint : node.getSpec().getTaints()) {
            if (!taint.getEffect().equals("PreferNoSchedule") && !Tolerations.anyTolerates(tolerations, taint)) {
                return false;
            }
        }
        return true;
    }

    private static Pod newPod(DaemonSet ds, String node, String hash) {
        var template = Codec.shared().copy(ds.getSpec().getTemplate());
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
        labels.put("controller-revision-hash", hash);
        labels.put("pod-template-generation", String.valueOf(ds.getMetadata().getGeneration()));
        PodSpec spec = template.getSpec();
        List<Toleration> tolerations = new ArrayList<>(spec.getTolerations());
        DAEMON_TOLERATIONS.stream().filter(t -> tolerations.stream().noneMatch(o -> Objects.equals(o.getKey(), t.getKey())))
                .forEach(tolerations::add);
        spec.setTolerations(tolerations);
        spec.setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
                .withMatchFields(new NodeSelectorRequirementBuilder().withKey("metadata.name").withOperator("In").withValues(node).build())
                .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
        return new PodBuilder().withMetadata(new ObjectMetaBuilder().withGenerateName(ds.getMetadata().getName() + "-")
                .withNamespace(ds.getMetadata().getNamespace()).withLabels(labels).withAnnotations(template.getMetadata().getAnnotations())
                .withOwnerReferences(ControllerRefs.to(ds)).build()).withSpec(spec).build();
    }

    private DaemonSetStatus status(DaemonSet ds, int desired, String hash) {
        List<Pod> pods = api.list(Pod.class, ds.getMetadata().getNamespace()).stream()
                .filter(p -> ControllerRefs.ownedBy(p, ds) && PodStatuses.isActive(p)).toList();
        int scheduled = (int) pods.stream().filter(p -> p.getSpec().getNodeName() != null).count();
        int ready = (int) pods.stream().filter(PodStatuses::isReady).count();
        int updated = (int) pods.stream().filter(p -> hash.equals(p.getMetadata().getLabels().get("controller-revision-hash"))).count();
        return new DaemonSetStatusBuilder().withDesiredNumberScheduled(desired).withCurrentNumberScheduled(scheduled)
                .withNumberReady(ready).withNumberAvailable(ready == 0 ? null : ready).withNumberMisscheduled(0)
                .withUpdatedNumberScheduled(updated == 0 ? null : updated).withObservedGeneration(ds.getMetadata().getGeneration()).build();
    }
}
