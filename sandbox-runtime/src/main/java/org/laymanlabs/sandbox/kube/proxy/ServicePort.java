package org.laymanlabs.sandbox.kube.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Mirrors pkg/proxy/serviceport.go BaseServicePortInfo joined with its endpoints: what one
 * service port needs for its rules. {@code nodePort} and {@code healthCheckNodePort} are 0 without
 * one; {@code affinitySeconds} is 0 unless sessionAffinity is ClientIP. The two policies are the
 * Services' externalTrafficPolicy and internalTrafficPolicy being Local.
 */
record ServicePort(ServicePortName name, String clusterIp, int port, int nodePort, int affinitySeconds,
                   List<Endpoint> endpoints, External external, boolean internalPolicyLocal) {

    /**
     * The Service's ways in from outside: spec.externalIPs, the load balancer's
     * status.loadBalancer.ingress IPs, spec.loadBalancerSourceRanges, and
     * externalTrafficPolicy Local with its healthCheckNodePort.
     */
    record External(List<String> externalIps, List<String> loadBalancerIps, List<String> sourceRanges,
                    boolean policyLocal, int healthCheckNodePort) {

        static final External NONE = new External(List.of(), List.of(), List.of(), false, 0);

        External {
            externalIps = List.copyOf(externalIps);
            loadBalancerIps = List.copyOf(loadBalancerIps);
            sourceRanges = sourceRanges.stream().map(String::strip).toList();
        }
    }

    ServicePort {
        endpoints = endpoints.stream().sorted(Comparator.comparing(Endpoint::toString)).toList();
    }

    ServicePort(ServicePortName name, String clusterIp, int port, int nodePort, int affinitySeconds,
                List<Endpoint> endpoints) {
        this(name, clusterIp, port, nodePort, affinitySeconds, endpoints, External.NONE, false);
    }

    ServicePort withExternal(External external) {
        return new ServicePort(name, clusterIp, port, nodePort, affinitySeconds, endpoints, external, internalPolicyLocal);
    }

    ServicePort withInternalPolicyLocal() {
        return new ServicePort(name, clusterIp, port, nodePort, affinitySeconds, endpoints, external, true);
    }

    /** ExternallyAccessible: a NodePort, a load balancer IP or an external IP. */
    boolean externallyAccessible() {
        return nodePort != 0 || !external.loadBalancerIps().isEmpty() || !external.externalIps().isEmpty();
    }

    boolean externalPolicyLocal() {
        return externallyAccessible() && external.policyLocal();
    }

    /** Cluster endpoints are needed for internal Cluster traffic, and to short-circuit any external traffic. */
    boolean usesClusterEndpoints() {
        return !internalPolicyLocal || externallyAccessible();
    }

    boolean usesLocalEndpoints() {
        return internalPolicyLocal || externalPolicyLocal();
    }

    /**
     * pkg/proxy/topology.go CategorizeEndpoints for the Cluster traffic policy: the ready
     * endpoints, or if there are none, those still serving while terminating.
     */
    List<Endpoint> clusterEndpoints() {
        if (!usesClusterEndpoints()) {
            return List.of();
        }
        List<Endpoint> ready = filter(Endpoint::ready);
        return !ready.isEmpty() ? ready : filter(e -> e.serving() && e.terminating());
    }

    /** CategorizeEndpoints for the Local policy: this node's ready endpoints, else its serving terminating ones. */
    List<Endpoint> localEndpoints() {
        if (!usesLocalEndpoints()) {
            return List.of();
        }
        List<Endpoint> ready = filter(e -> e.local() && e.ready());
        return !ready.isEmpty() ? ready : filter(e -> e.local() && e.serving() && e.terminating());
    }

    /** hasAnyEndpoints: a usable endpoint anywhere in the cluster, not just on this node. */
    boolean hasEndpoints() {
        return !clusterEndpoints().isEmpty() || usesLocalEndpoints()
                && endpoints.stream().anyMatch(e -> e.ready() || e.serving() && e.terminating());
    }

    /** allReachableEndpoints: the union of both, each with a KUBE-SEP chain. */
    List<Endpoint> reachableEndpoints() {
        LinkedHashSet<Endpoint> union = new LinkedHashSet<>(clusterEndpoints());
        union.addAll(localEndpoints());
        return new ArrayList<>(union);
    }

    String protocolFlag() {
        return name.protocol().toLowerCase(java.util.Locale.ROOT);
    }

    private List<Endpoint> filter(Predicate<Endpoint> keep) {
        return endpoints.stream().filter(keep).toList();
    }
}
