package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the kubernetes plugin's informers hold (coredns plugin/kubernetes/object): each
 * Service with its ports and, for a headless one, its ready endpoints with their DNS names (the
 * endpoint's hostname, else its IP with dashes), and the namespaces that exist.
 */
record ClusterRecords(List<Svc> services, Set<String> namespaces) {

    /** A Service as the plugin indexes it. {@code clusterIp} is "None" for a headless one. */
    record Svc(String name, String namespace, String type, String clusterIp, String externalName,
               List<Port> ports, List<Ep> endpoints) {

        boolean headless() {
            return "None".equals(clusterIp);
        }

        boolean externalNameType() {
            return "ExternalName".equals(type);
        }
    }

    record Port(String name, String protocol, int port) { }

    /** An endpoint address with the name it is known by under its Service, and its ports. */
    record Ep(String address, String dnsName, List<Port> ports) { }

    static ClusterRecords from(List<Service> services, List<EndpointSlice> slices, List<Namespace> namespaces) {
        List<Svc> svcs = new ArrayList<>();
        for (Service s : services) {
            String name = s.getMetadata().getName();
            String ns = s.getMetadata().getNamespace();
            List<Port> ports = s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts().stream()
                    .map(ClusterRecords::port).toList();
            boolean publishNotReady = Boolean.TRUE.equals(s.getSpec().getPublishNotReadyAddresses());
            List<Ep> eps = slices.stream()
                    .filter(sl -> ns.equals(sl.getMetadata().getNamespace()) && sl.getMetadata().getLabels() != null
                            && name.equals(sl.getMetadata().getLabels().get("kubernetes.io/service-name")))
                    .flatMap(sl -> endpoints(sl, publishNotReady).stream()).toList();
            svcs.add(new Svc(name, ns, s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType(),
                    s.getSpec().getClusterIP(), s.getSpec().getExternalName(), ports, eps));
        }
        Set<String> names = namespaces.stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        return new ClusterRecords(svcs, names);
    }

    private static Port port(ServicePort p) {
        return new Port(p.getName() == null ? "" : p.getName(), p.getProtocol() == null ? "TCP" : p.getProtocol(),
                p.getPort());
    }

    private static List<Ep> endpoints(EndpointSlice slice, boolean publishNotReady) {
        List<Port> ports = slice.getPorts() == null ? List.of() : slice.getPorts().stream()
                .map((EndpointPort p) -> new Port(p.getName() == null ? "" : p.getName(),
                        p.getProtocol() == null ? "TCP" : p.getProtocol(), p.getPort() == null ? 0 : p.getPort()))
                .toList();
        List<Ep> eps = new ArrayList<>();
        for (Endpoint e : slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
            boolean ready = e.getConditions() == null || e.getConditions().getReady() == null
                    || e.getConditions().getReady();
            if (!ready && !publishNotReady) {
                continue;
            }
            for (String address : e.getAddresses()) {
                String dnsName = e.getHostname() != null && !e.getHostname().isEmpty() ? e.getHostname()
                        : address.replace('.', '-');
                eps.add(new Ep(address, dnsName.toLowerCase(Locale.ROOT), ports));
            }
        }
        return eps;
    }

    Optional<Svc> service(String name, String namespace) {
        return services.stream().filter(s -> s.name().equalsIgnoreCase(name) && s.namespace().equalsIgnoreCase(namespace))
                .findFirst();
    }
}
