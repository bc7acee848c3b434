package org.laymanlabs.sandbox.kube.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.apiserver.WatchEvent;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.Writes;

/**
 * Mirrors pkg/controller/garbagecollector: when an owner goes, dependents whose every owner is
 * gone are deleted (background cascading: delete a Deployment and its ReplicaSets, then their
 * pods, follow). An owner deleted with the "orphan" finalizer has its dependents released
 * instead; one deleted in the foreground waits until its dependents are gone.
 */
public final class GarbageCollector implements Controller {

    private static final List<ResourceType> DEPENDENTS = List.of(ApiResources.PODS, ApiResources.REPLICA_SETS,
            ApiResources.ENDPOINT_SLICES, ApiResources.LEASES, ApiResources.JOBS, ApiResources.DEPLOYMENTS,
            ApiResources.DAEMON_SETS, ApiResources.CONFIG_MAPS, ApiResources.SECRETS, ApiResources.SERVICES);

    private final ApiServer api;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public GarbageCollector(ApiServer api) {
        this.api = api;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        for (ResourceType type : ApiResources.ALL) {
            if (type != ApiResources.EVENTS) {
                watches.add(api.watch(type, "", api.resourceVersion(), e -> ownerChanged(type, e)));
            }
        }
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    /** Keys are "type|namespace|name|uid" of an owner that went away or is being deleted with a policy. */
    private void ownerChanged(ResourceType type, WatchEvent event) {
        var meta = event.object().getMetadata();
        boolean held = meta.getDeletionTimestamp() != null && (meta.getFinalizers().contains("orphan")
                || meta.getFinalizers().contains("foregroundDeletion"));
        if (event.type() == WatchEvent.Type.DELETED || held) {
            queue.add(type.plural() + "|" + (meta.getNamespace() == null ? "" : meta.getNamespace()) + "|" + meta.getName() + "|" + meta.getUid());
        }
    }

    private void sync(String key, WorkQueue.Done done) {
        String[] parts = key.split("\\|", -1);
        ResourceType type = ApiResources.find(parts[0]).orElseThrow();
        String namespace = parts[1];
        String uid = parts[3];
        List<HasMetadata> dependents = dependentsOf(uid, namespace);
        HasMetadata owner = api.get(type, namespace, parts[2]).filter(o -> o.getMetadata().getUid().equals(uid)).orElse(null);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        if (owner == null) {
            for (HasMetadata dependent : dependents) {
                boolean otherOwnerLives = dependent.getMetadata().getOwnerReferences().stream()
                        .anyMatch(ref -> !ref.getUid().equals(uid) && exists(ref, dependent));
                if (!otherOwnerLives && dependent.getMetadata().getDeletionTimestamp() == null) {
                    writes.add(api.delete(ApiResources.of(dependent.getClass()), namespaceOf(dependent),
                            dependent.getMetadata().getName(), DeletionPropagation.BACKGROUND, null));
                }
            }
        } else if (owner.getMetadata().getFinalizers().contains("orphan")) {
            dependents.forEach(d -> writes.add(api.update(withoutOwner(d, uid))));
            writes.add(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(ok -> api.update(withoutFinalizer(owner, "orphan"))));
        } else if (owner.getMetadata().getFinalizers().contains("foregroundDeletion")) {
            if (dependents.isEmpty()) {
                writes.add(api.update(withoutFinalizer(owner, "foregroundDeletion")));
            } else {
                dependents.stream().filter(d -> d.getMetadata().getDeletionTimestamp() == null).forEach(d -> writes.add(api.delete(
                        ApiResources.of(d.getClass()), namespaceOf(d), d.getMetadata().getName(), DeletionPropagation.FOREGROUND, null)));
                queue.addAfter(key, java.time.Duration.ofSeconds(1));
            }
        }
        Writes.finish(writes, done);
    }

    private List<HasMetadata> dependentsOf(String uid, String namespace) {
        List<HasMetadata> found = new ArrayList<>();
        for (ResourceType type : DEPENDENTS) {
            for (HasMetadata object : api.list(type, type.namespaced() ? namespace : "")) {
                if (object.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()))) {
                    found.add(object);
                }
            }
        }
        return found;
    }

    private boolean exists(OwnerReference ref, HasMetadata dependent) {
        return ApiResources.ALL.stream().filter(t -> t.kind().equals(ref.getKind())).findFirst()
                .flatMap(t -> api.get(t, t.namespaced() ? namespaceOf(dependent) : "", ref.getName()))
                .map(o -> o.getMetadata().getUid().equals(ref.getUid())).orElse(false);
    }

    private static String namespaceOf(HasMetadata object) {
        return object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
    }

    private static HasMetadata withoutOwner(HasMetadata object, String uid) {
        HasMetadata copy = Codec.shared().copy(object);
        copy.getMetadata().setOwnerReferences(copy.getMetadata().getOwnerReferences().stream()
                .filter(r -> !uid.equals(r.getUid())).toList());
        return copy;
    }

    private static HasMetadata withoutFinalizer(HasMetadata object, String finalizer) {
        HasMetadata copy = Codec.shared().copy(object);
        copy.getMetadata().setFinalizers(copy.getMetadata().getFinalizers().stream().filter(f -> !f.equals(finalizer)).toList());
        return copy;
    }
}
