package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;

/**
 * One kind the API server serves, as discovery (an APIResource) describes it: where it lives in
 * the API, its names for kubectl, and where kube-apiserver keeps it in etcd.
 *
 * @param group         the API group, "" for the core group
 * @param storagePrefix the etcd key prefix under /registry/, e.g. "services/specs" or "minions"
 */
public record ResourceType(String group, String version, String kind, String plural, String singular,
                           List<String> shortNames, boolean namespaced, Class<? extends HasMetadata> type,
                           String storagePrefix) {

    public ResourceType {
        Objects.requireNonNull(kind, "kind");
        shortNames = List.copyOf(shortNames);
    }

    /** The apiVersion field: "v1" in the core group, "apps/v1" elsewhere. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The resource as errors name it: "pods", "deployments.apps". */
    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The kind as validation errors name it: "Pod", "Deployment.apps". */
    public String groupKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    /** The etcd key of one object: /registry/pods/default/web, or /registry/minions/worker-1. */
    public String key(String namespace, String name) {
        return namespaced ? prefix(namespace) + name : "/registry/" + storagePrefix + "/" + name;
    }

    /** The etcd prefix of a namespace's objects, or of all of them when {@code namespace} is empty. */
    public String prefix(String namespace) {
        return "/registry/" + storagePrefix + "/" + (namespaced && !namespace.isEmpty() ? namespace + "/" : "");
    }
}
