package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors pkg/registry/core/service/ipallocator and portallocator: ClusterIPs from the service
 * CIDR (10.96.0.0/12, kubeadm's default) and NodePorts from 30000–32767. Dynamic picks are random
 * in the upper band, as the real allocators do, leaving the lower band for addresses a manifest
 * asks for by name (10.96.0.1 for "kubernetes", 10.96.0.10 for kube-dns).
 */
final class ServiceAllocation {

    static final Cidr SERVICE_CIDR = Cidr.parse("10.96.0.0/12");
    static final int NODE_PORT_MIN = 30000;
    static final int NODE_PORT_MAX = 32767;
    private static final int IP_STATIC_BAND = 256;
    private static final int PORT_STATIC_BAND = 86;

    private final RandomGenerator random;

    ServiceAllocation(RandomGenerator random) {
        this.random = random;
    }

    /** Fills in the ClusterIP and NodePorts of a new Service, or refuses the ones it asked for. */
    void allocate(Service service, Collection<HasMetadata> existing, ResourceType type) {
        ServiceSpec spec = service.getSpec();
        Set<String> usedIps = new HashSet<>();
        Set<Integer> usedPorts = new HashSet<>();
        for (HasMetadata other : existing) {
            ServiceSpec s = ((Service) other).getSpec();
            usedIps.add(s.getClusterIP());
            s.getPorts().forEach(p -> usedPorts.add(p.getNodePort()));
            usedPorts.add(s.getHealthCheckNodePort());
        }
        if (!"ExternalName".equals(spec.getType())) {
            spec.setClusterIP(clusterIp(spec.getClusterIP(), usedIps, service, type));
            spec.setClusterIPs(List.of(spec.getClusterIP()));
            spec.setIpFamilies(List.of("IPv4"));
            spec.setIpFamilyPolicy("SingleStack");
        }
        if (List.of("NodePort", "LoadBalancer").contains(spec.getType())) {
            for (int i = 0; i < spec.getPorts().size(); i++) {
                ServicePort port = spec.getPorts().get(i);
                port.setNodePort(nodePort(port.getNodePort(), usedPorts, i, service, type));
                usedPorts.add(port.getNodePort());
            }
        }
        // needsHCNodePort: a LoadBalancer that keeps traffic on the node gets a port for the balancer's health checks.
        if ("LoadBalancer".equals(spec.getType()) && "Local".equals(spec.getExternalTrafficPolicy())) {
            spec.setHealthCheckNodePort(nodePort(spec.getHealthCheckNodePort(), usedPorts, -1, service, type));
        }
    }

    private String clusterIp(String wanted, Set<String> used, Service service, ResourceType type) {
        if ("None".equals(wanted)) {
            return "None";
        }
        if (wanted != null && !wanted.isEmpty()) {
            if (!Ipv4Address.isValid(wanted)) {
                throw invalid(service, type, FieldError.invalid("spec.clusterIPs[0]", wanted, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
            if (!SERVICE_CIDR.contains(Ipv4Address.parse(wanted))) {
                throw invalid(service, type, FieldError.invalid("spec.clusterIPs", ipList(wanted),
                        "failed to allocate IP " + wanted + ": the provided IP (" + wanted + ") is not in the valid range. The range of valid IPs is 10.96.0.0/12"));
            }
            if (used.contains(wanted)) {
                throw invalid(service, type, FieldError.invalid("spec.clusterIPs", ipList(wanted),
                        "failed to allocate IP " + wanted + ": provided IP is already allocated"));
            }
            return wanted;
        }
        int size = 1 << (32 - SERVICE_CIDR.prefixLength());
        while (true) {
            int offset = IP_STATIC_BAND + random.nextInt(size - IP_STATIC_BAND - 1);
            String ip = SERVICE_CIDR.nth(offset).toString();
            if (!used.contains(ip)) {
                return ip;
            }
        }
    }

    private Integer nodePort(Integer wanted, Set<Integer> used, int index, Service service, ResourceType type) {
        if (wanted != null && wanted != 0) {
            if (wanted < NODE_PORT_MIN || wanted > NODE_PORT_MAX) {
                throw invalid(service, type, FieldError.invalid(nodePortField(index), wanted,
                        "provided port is not in the valid range. The range of valid ports is 30000-32767"));
            }
            if (used.contains(wanted)) {
                throw invalid(service, type, FieldError.invalid(nodePortField(index), wanted,
                        "provided port is already allocated"));
            }
            return wanted;
        }
        while (true) {
            int port = NODE_PORT_MIN + PORT_STATIC_BAND + random.nextInt(NODE_PORT_MAX - NODE_PORT_MIN - PORT_STATIC_BAND + 1);
            if (!used.contains(port)) {
                return port;
            }
        }
    }

    private static String nodePortField(int index) {
        return index < 0 ? "spec.healthCheckNodePort" : "spec.ports[" + index + "].nodePort";
    }

    private static Object ipList(String ip) {
        return new Object() {
            @Override
            public String toString() {
                return "[]string{\"" + ip + "\"}";
            }
        };
    }

    private static ApiException invalid(Service service, ResourceType type, FieldError error) {
        return Admission.invalid(type, service.getMetadata().getName(), List.of(error));
    }
}
