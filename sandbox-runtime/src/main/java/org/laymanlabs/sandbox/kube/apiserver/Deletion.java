package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors the deletion half of the generic registry (store.go Delete, BeforeDelete, and the
 * finalizer handling of Update): a running pod is deleted gracefully (the kubelet finishes it),
 * a namespace first empties itself, finalizers hold an object until the last one is removed,
 * and the propagation policy decides whether dependents are orphaned or removed first.
 */
final class Deletion {

    static final String ORPHAN = "orphan";
    static final String FOREGROUND = "foregroundDeletion";

    private final ApiServer api;
    private final EtcdStorage storage;
    private final VirtualClock clock;
    private final Codec codec = Codec.shared();

    Deletion(ApiServer api, EtcdStorage storage, VirtualClock clock) {
        this.api = api;
        this.storage = storage;
        this.clock = clock;
    }

    CompletableFuture<HasMetadata> delete(ResourceType type, String namespace, String name,
                                          DeletionPropagation propagation, Long gracePeriodSeconds) {
        HasMetadata existing = api.get(type, namespace, name).orElseThrow(() -> ApiException.notFound(type, name));
        HasMetadata copy = codec.copy(existing);
        var meta = copy.getMetadata();
        boolean terminating = meta.getDeletionTimestamp() != null;
        if (copy instanceof Pod pod && pod.getSpec().getNodeName() != null && !zero(gracePeriodSeconds)) {
            if (terminating) {
                return CompletableFuture.completedFuture(existing);
            }
            long grace = gracePeriodSeconds != null ? gracePeriodSeconds : pod.getSpec().getTerminationGracePeriodSeconds();
            meta.setDeletionTimestamp(Admission.timestamp(clock.now().plusSeconds(grace)));
            meta.setDeletionGracePeriodSeconds(grace);
            return storage.update(type, key(type, copy), copy, ApiServer.version(existing));
        }
        if (copy instanceof Namespace ns) {
            if (List.of("default", "kube-system", "kube-public", "kube-node-lease").contains(name)) {
                throw new ApiException(ApiException.Reason.FORBIDDEN, "namespaces \"" + name
                        + "\" is forbidden: this namespace may not be deleted");
            }
            if (!terminating) {
                meta.setDeletionTimestamp(Admission.timestamp(clock.now()));
                meta.setDeletionGracePeriodSeconds(0L);
                ns.getStatus().setPhase("Terminating");
                return storage.update(type, key(type, copy), copy, ApiServer.version(existing));
            }
            return CompletableFuture.completedFuture(existing);
        }
        List<String> finalizers = new ArrayList<>(meta.getFinalizers());
        if (propagation == DeletionPropagation.ORPHAN && !finalizers.contains(ORPHAN)) {
            finalizers.add(ORPHAN);
        } else if (propagation == DeletionPropagation.FOREGROUND && !finalizers.contains(FOREGROUND)) {
            finalizers.add(FOREGROUND);
        }
        if (!finalizers.isEmpty()) {
            meta.setFinalizers(finalizers);
            if (!terminating) {
                meta.setDeletionTimestamp(Admission.timestamp(clock.now()));
                meta.setDeletionGracePeriodSeconds(0L);
            }
            return storage.update(type, key(type, copy), copy, ApiServer.version(existing));
        }
        return storage.delete(type, key(type, existing), existing, ApiServer.version(existing));
    }

    /**
     * Stores an update, or, when the update removed the last thing holding a terminating object
     * (its last finalizer, or a namespace's "kubernetes" finalizer), deletes it.
     */
    CompletableFuture<HasMetadata> storeOrFinish(ResourceType type, String namespace, HasMetadata updated, HasMetadata existing) {
        String key = type.key(namespace, updated.getMetadata().getName());
        if (updated.getMetadata().getDeletionTimestamp() != null && released(updated, existing)) {
            return storage.delete(type, key, existing, ApiServer.version(existing));
        }
        return storage.update(type, key, updated, ApiServer.version(existing));
    }

    private static boolean released(HasMetadata updated, HasMetadata existing) {
        boolean noFinalizers = updated.getMetadata().getFinalizers().isEmpty();
        if (updated instanceof Namespace ns) {
            return noFinalizers && (ns.getSpec() == null || ns.getSpec().getFinalizers().isEmpty());
        }
        return noFinalizers && !existing.getMetadata().getFinalizers().isEmpty();
    }

    private static boolean zero(Long grace) {
        return grace != null && grace == 0;
    }

    private static String key(ResourceType type, HasMetadata object) {
        return type.key(ApiServer.ns(object.getMetadata()), object.getMetadata().getName());
    }

}
