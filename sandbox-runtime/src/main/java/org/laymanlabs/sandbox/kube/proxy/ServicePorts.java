package org.laymanlabs.sandbox.kube.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Mirrors pkg/proxy/servicechangetracker.go and endpointslicecache.go, read level-driven: the
 * service ports of every Service with a ClusterIP, each joined with the IPv4 endpoints of the
 * EndpointSlices labelled kubernetes.io/service-name for it whose port has the same name.
 */
final class ServicePorts {

    private static final String SERVICE_NAME = "kubernetes.io/service-name";
    private static final int DEFAULT_AFFINITY_SECONDS = 10800;

    private ServicePorts() {
    }

    static List<ServicePort> of(List<Service> services, List<EndpointSlice> slices) {
        return of(services, slices, "");
    }

    /** The service ports as the kube-proxy on {@code nodeName} sees them: endpoints on that node are local. */
    static List<ServicePort> of(List<Service> services, List<EndpointSlice> slices, String nodeName) {
        List<ServicePort> ports = new ArrayList<>();
        for (Service service : services) {
            String clusterIp = service.getSpec().getClusterIP();
            if (clusterIp == null || clusterIp.isEmpty() || "None".equals(clusterIp)
                    || "ExternalName".equals(service.getSpec().getType())) {
                continue;
            }
            int affinity = affinitySeconds(service);
            ServicePort.External external = external(service);
            boolean internalLocal = "Local".equals(service.getSpec().getInternalTrafficPolicy());
            for (var port : service.getSpec().getPorts()) {
                String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                ServicePortName name = new ServicePortName(service.getMetadata().getNamespace(),
                        service.getMetadata().getName(), port.getName(), protocol);
                int nodePort = port.getNodePort() == null ? 0 : port.getNodePort();
                ports.add(new ServicePort(name, clusterIp, port.getPort(), nodePort, affinity,
                        endpoints(service, port.getName(), protocol, slices, nodeName), external, internalLocal));
            }
        }
        ports.sort(Comparator.comparing(p -> p.name().toString()));
        return ports;
    }

    /**
     * serviceport.go newBaseServiceInfo: load balancer IPs come from the status (an ingress whose
     * ipMode is Proxy is left to the balancer), and only a LoadBalancer Service has them or source
     * ranges; only one with the Local policy has a health check port.
     */
    private static ServicePort.External external(Service service) {
        var spec = service.getSpec();
        boolean loadBalancer = "LoadBalancer".equals(spec.getType());
        List<String> lbIps = new ArrayList<>();
        if (loadBalancer && service.getStatus() != null && service.getStatus().getLoadBalancer() != null
                && service.getStatus().getLoadBalancer().getIngress() != null) {
            for (var ingress : service.getStatus().getLoadBalancer().getIngress()) {
                if (ingress.getIp() != null && !ingress.getIp().isEmpty() && !"Proxy".equals(ingress.getIpMode())) {
                    lbIps.add(ingress.getIp());
                }
            }
        }
        List<String> ranges = loadBalancer && spec.getLoadBalancerSourceRanges() != null
                ? spec.getLoadBalancerSourceRanges() : List.of();
        boolean local = "Local".equals(spec.getExternalTrafficPolicy());
        // apiservice.NeedsHealthCheck: a port set on any other Service is ignored.
        int healthCheck = loadBalancer && local && spec.getHealthCheckNodePort() != null ? spec.getHealthCheckNodePort() : 0;
        return new ServicePort.External(spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs(), lbIps, ranges,
                local, healthCheck);
    }

    private static int affinitySeconds(Service service) {
        if (!"ClientIP".equals(service.getSpec().getSessionAffinity())) {
            return 0;
        }
        var config = service.getSpec().getSessionAffinityConfig();
        if (config == null || config.getClientIP() == null || config.getClientIP().getTimeoutSeconds() == null) {
            return DEFAULT_AFFINITY_SECONDS;
        }
        return config.getClientIP().getTimeoutSeconds();
    }

    private static List<Endpoint> endpoints(Service service, String portName, String protocol, List<EndpointSlice> slices,
                                            String nodeName) {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (EndpointSlice slice : slices) {
            if (!Objects.equals(slice.getMetadata().getNamespace(), service.getMetadata().getNamespace())
                    || slice.getMetadata().getLabels() == null
                    || !service.getMetadata().getName().equals(slice.getMetadata().getLabels().get(SERVICE_NAME))
                    || !"IPv4".equals(slice.getAddressType()) || slice.getPorts() == null) {
                continue;
            }
            for (var port : slice.getPorts()) {
                boolean sameName = Objects.equals(emptyIfNull(port.getName()), emptyIfNull(portName));
                String sliceProtocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                if (!sameName || !sliceProtocol.equals(protocol) || port.getPort() == null) {
                    continue;
                }
                for (var endpoint : slice.getEndpoints()) {
                    var conditions = endpoint.getConditions();
                    boolean ready = conditions == null || conditions.getReady() == null || conditions.getReady();
                    boolean serving = conditions == null || conditions.getServing() == null ? ready : conditions.getServing();
                    boolean terminating = conditions != null && Boolean.TRUE.equals(conditions.getTerminating());
                    boolean local = !nodeName.isEmpty() && nodeName.equals(endpoint.getNodeName());
                    for (String address : endpoint.getAddresses()) {
                        endpoints.add(new Endpoint(address, port.getPort(), ready, serving, terminating, local));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}
