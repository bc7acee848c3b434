package org.laymanlabs.sandbox.kube.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Optional;

/**
 * Mirrors metav1.GetControllerOf and NewControllerRef: the one owner reference with
 * controller=true, which says which workload manages an object.
 */
public final class ControllerRefs {

    private ControllerRefs() {
    }

    public static Optional<OwnerReference> of(HasMetadata object) {
        return object.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    public static boolean ownedBy(HasMetadata object, HasMetadata owner) {
        return of(object).map(r -> r.getUid().equals(owner.getMetadata().getUid())).orElse(false);
    }

    public static OwnerReference to(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    /** "namespace/name", the work-queue key client-go's MetaNamespaceKeyFunc makes. */
    public static String key(HasMetadata object) {
        String ns = object.getMetadata().getNamespace();
        return ns == null || ns.isEmpty() ? object.getMetadata().getName() : ns + "/" + object.getMetadata().getName();
    }

    public static String namespaceOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    public static String nameOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }
}
