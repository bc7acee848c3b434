package org.laymanlabs.sandbox.kube.proxy;

import java.util.Comparator;
import java.util.List;

/**
 * Mirrors pkg/proxy/serviceport.go BaseServicePortInfo joined with its endpoints: what one
 * service port needs for its rules. {@code nodePort} is 0 without one; {@code affinitySeconds}
 * is 0 unless sessionAffinity is ClientIP.
 */
record ServicePort(ServicePortName name, String clusterIp, int port, int nodePort, int affinitySeconds,
                   List<Endpoint> endpoints) {

    ServicePort {
        endpoints = endpoints.stream().sorted(Comparator.comparing(Endpoint::toString)).toList();
    }

    /**
     * pkg/proxy/topology.go CategorizeEndpoints for the Cluster traffic policy: the ready
     * endpoints, or if there are none, those still serving while terminating.
     */
    List<Endpoint> clusterEndpoints() {
        List<Endpoint> ready = endpoints.stream().filter(Endpoint::ready).toList();
        if (!ready.isEmpty()) {
            return ready;
        }
        return endpoints.stream().filter(e -> e.serving() && e.terminating()).toList();
    }

    String protocolFlag() {
        return name.protocol().toLowerCase(java.util.Locale.ROOT);
    }
}
