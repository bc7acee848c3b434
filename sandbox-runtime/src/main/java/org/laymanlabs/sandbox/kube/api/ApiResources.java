package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds this API server serves, with the names, short names and etcd prefixes of a
 * kubeadm cluster's kube-apiserver 1.32 (what {@code kubectl api-resources} lists).
 */
public final class ApiResources {

    public static final ResourceType NAMESPACES = core("Namespace", "namespaces", "namespace", List.of("ns"), false, Namespace.class, "namespaces");
    public static final ResourceType NODES = core("Node", "nodes", "node", List.of("no"), false, Node.class, "minions");
    public static final ResourceType PODS = core("Pod", "pods", "pod", List.of("po"), true, Pod.class, "pods");
    public static final ResourceType SERVICES = core("Service", "services", "service", List.of("svc"), true, Service.class, "services/specs");
    public static final ResourceType ENDPOINTS = core("Endpoints", "endpoints", "endpoints", List.of("ep"), true, Endpoints.class, "services/endpoints");
    public static final ResourceType CONFIG_MAPS = core("ConfigMap", "configmaps", "configmap", List.of("cm"), true, ConfigMap.class, "configmaps");
    public static final ResourceType SECRETS = core("Secret", "secrets", "secret", List.of(), true, Secret.class, "secrets");
    public static final ResourceType SERVICE_ACCOUNTS = core("ServiceAccount", "serviceaccounts", "serviceaccount", List.of("sa"), true, ServiceAccount.class, "serviceaccounts");
    public static final ResourceType EVENTS = core("Event", "events", "event", List.of("ev"), true, Event.class, "events");
    public static final ResourceType DEPLOYMENTS = new ResourceType("apps", "v1", "Deployment", "deployments", "deployment", List.of("deploy"), true, Deployment.class, "deployments");
    public static final ResourceType REPLICA_SETS = new ResourceType("apps", "v1", "ReplicaSet", "replicasets", "replicaset", List.of("rs"), true, ReplicaSet.class, "replicasets");
    public static final ResourceType DAEMON_SETS = new ResourceType("apps", "v1", "DaemonSet", "daemonsets", "daemonset", List.of("ds"), true, DaemonSet.class, "daemonsets");
    public static final ResourceType JOBS = new ResourceType("batch", "v1", "Job", "jobs", "job", List.of(), true, Job.class, "jobs");
    public static final ResourceType LEASES = new ResourceType("coordination.k8s.io", "v1", "Lease", "leases", "lease", List.of(), true, Lease.class, "leases");
    public static final ResourceType ENDPOINT_SLICES = new ResourceType("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice", List.of(), true, EndpointSlice.class, "endpointslices");
    public static final ResourceType INGRESS_CLASSES = new ResourceType("networking.k8s.io", "v1", "IngressClass", "ingressclasses", "ingressclass", List.of(), false, io.fabric8.kubernetes.api.model.networking.v1.IngressClass.class, "ingressclasses");
    public static final ResourceType INGRESSES = new ResourceType("networking.k8s.io", "v1", "Ingress", "ingresses", "ingress", List.of("ing"), true, Ingress.class, "ingress");

    /** In kubectl api-resources order: the core group first, then the groups by name. */
    public static final List<ResourceType> ALL = List.of(CONFIG_MAPS, ENDPOINTS, EVENTS, NAMESPACES, NODES, PODS, SECRETS,
            SERVICE_ACCOUNTS, SERVICES, DAEMON_SETS, DEPLOYMENTS, REPLICA_SETS, JOBS, LEASES, ENDPOINT_SLICES, INGRESS_CLASSES, INGRESSES);

    private ApiResources() {
    }

    private static ResourceType core(String kind, String plural, String singular, List<String> shortNames, boolean namespaced,
                                     Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type, String prefix) {
        return new ResourceType("", "v1", kind, plural, singular, shortNames, namespaced, type, prefix);
    }

    /**
     * Resolves what a learner types after {@code kubectl get}: a plural, singular, short name or
     * kind, in any case, optionally qualified by group ("deployments.apps") as kubectl's RESTMapper does.
     */
    public static Optional<ResourceType> find(String typed) {
        String name = typed.toLowerCase(Locale.ROOT);
        String group = null;
        int dot = name.indexOf('.');
        if (dot > 0) {
            group = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        for (ResourceType type : ALL) {
            boolean named = type.plural().equals(name) || type.singular().equals(name) || type.shortNames().contains(name)
                    || type.kind().toLowerCase(Locale.ROOT).equals(name);
            boolean inGroup = group == null || type.group().equals(group) || (type.group() + "/" + type.version()).equals(group)
                    || (type.group().isEmpty() && group.equals(type.version()));
            if (named && inGroup) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type a manifest's apiVersion and kind name, exactly (kinds are case-sensitive). */
    public static Optional<ResourceType> byKind(String apiVersion, String kind) {
        return ALL.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    public static ResourceType of(Class<?> type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an API type: " + type.getName()));
    }
}
