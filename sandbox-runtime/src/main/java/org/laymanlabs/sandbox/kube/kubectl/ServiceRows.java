package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mirrors printService, printEndpoints, printEndpointSlice, printIngress and printIngressClass in kubernetes
 * pkg/printers/internalversion/printers.go, with their "+ N more..." truncations.
 */
final class ServiceRows {

    static final List<Column> SERVICE = List.of(Column.of("Name"), Column.of("Type"), Column.of("Cluster-IP"),
            Column.of("External-IP"), Column.of("Port(s)"), Column.of("Age"), Column.wide("Selector"));
    static final List<Column> ENDPOINTS = List.of(Column.of("Name"), Column.of("Endpoints"), Column.of("Age"));
    static final List<Column> ENDPOINT_SLICE = List.of(Column.of("Name"), Column.of("AddressType"), Column.of("Ports"),
            Column.of("Endpoints"), Column.of("Age"));
    static final List<Column> INGRESS = List.of(Column.of("Name"), Column.of("Class"), Column.of("Hosts"),
            Column.of("Address"), Column.of("Ports"), Column.of("Age"));

    static final List<Column> INGRESS_CLASS = List.of(Column.of("Name"), Column.of("Controller"), Column.of("Parameters"),
            Column.of("Age"));

    private static final int MAXIMUM = 3;

    private ServiceRows() {
    }

    static List<String> service(Service svc, Instant now) {
        var spec = svc.getSpec();
        String clusterIp = spec.getClusterIPs().isEmpty() ? "<none>" : spec.getClusterIPs().get(0);
        String ports = ports(spec.getPorts());
        return List.of(svc.getMetadata().getName(), String.valueOf(spec.getType()), clusterIp, externalIp(svc),
                ports.isEmpty() ? "<none>" : ports, Age.since(svc.getMetadata().getCreationTimestamp(), now),
                SelectorText.labels(spec.getSelector()));
    }

    /** makePortString: {@code 80/TCP}, or {@code 80:30080/TCP} with a node port. */
    static String ports(List<ServicePort> ports) {
        return ports.stream().map(p -> p.getNodePort() != null && p.getNodePort() > 0
                ? p.getPort() + ":" + p.getNodePort() + "/" + p.getProtocol() : p.getPort() + "/" + p.getProtocol())
                .collect(Collectors.joining(","));
    }

    /** getServiceExternalIP with wide=true, as the server's printer calls it. */
    static String externalIp(Service svc) {
        var spec = svc.getSpec();
        String type = spec.getType() == null ? "" : spec.getType();
        switch (type) {
            case "ClusterIP", "NodePort" -> {
                return spec.getExternalIPs().isEmpty() ? "<none>" : String.join(",", spec.getExternalIPs());
            }
            case "LoadBalancer" -> {
                Set<String> lb = new LinkedHashSet<>();
                if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null) {
                    svc.getStatus().getLoadBalancer().getIngress().forEach(i -> lb.add(i.getIp() != null && !i.getIp().isEmpty()
                            ? i.getIp() : i.getHostname()));
                }
                List<String> all = new ArrayList<>(lb);
                all.addAll(spec.getExternalIPs());
                return all.isEmpty() ? "<pending>" : String.join(",", all);
            }
            case "ExternalName" -> {
                return spec.getExternalName();
            }
            default -> {
                return "<unknown>";
            }
        }
    }

    static List<String> endpoints(Endpoints ep, Instant now) {
        return List.of(ep.getMetadata().getName(), formatEndpoints(ep), Age.since(ep.getMetadata().getCreationTimestamp(), now));
    }

    /** formatEndpoints: up to three ip:port pairs, then "+ N more...". */
    static String formatEndpoints(Endpoints ep) {
        if (ep.getSubsets().isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (EndpointSubset subset : ep.getSubsets()) {
            if (subset.getPorts().isEmpty()) {
                count += subset.getAddresses().size();
                for (EndpointAddress address : subset.getAddresses()) {
                    if (list.size() == MAXIMUM) {
                        more = true;
                        break;
                    }
                    list.add(address.getIp());
                }
                continue;
            }
            for (EndpointPort port : subset.getPorts()) {
                count += subset.getAddresses().size();
                for (EndpointAddress address : subset.getAddresses()) {
                    if (list.size() == MAXIMUM) {
                        more = true;
                        break;
                    }
                    list.add(hostPort(address.getIp(), port.getPort()));
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - MAXIMUM) + " more..." : joined;
    }

    private static String hostPort(String ip, Integer port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    static List<String> endpointSlice(EndpointSlice slice, Instant now) {
        List<String> ports = new ArrayList<>();
        int portCount = 0;
        boolean morePorts = false;
        for (var port : slice.getPorts()) {
            if (ports.size() < MAXIMUM) {
                ports.add(port.getPort() != null ? port.getPort().toString() : port.getName() != null ? port.getName() : "*");
            } else {
                morePorts = true;
            }
            portCount++;
        }
        List<String> addresses = new ArrayList<>();
        int addressCount = 0;
        boolean moreAddresses = false;
        for (Endpoint endpoint : slice.getEndpoints()) {
            for (String address : endpoint.getAddresses()) {
                if (addresses.size() < MAXIMUM) {
                    addresses.add(address);
                } else {
                    moreAddresses = true;
                }
                addressCount++;
            }
        }
        return List.of(slice.getMetadata().getName(), String.valueOf(slice.getAddressType()),
                withMore(ports, morePorts, portCount), withMore(addresses, moreAddresses, addressCount),
                Age.since(slice.getMetadata().getCreationTimestamp(), now));
    }

    /** listWithMoreString: {@code <unset>} for an empty list. */
    private static String withMore(List<String> list, boolean more, int count) {
        String joined = String.join(",", list);
        if (more) {
            return joined + " + " + (count - MAXIMUM) + " more...";
        }
        return joined.isEmpty() ? "<unset>" : joined;
    }

    static List<String> ingress(Ingress ing, Instant now) {
        var spec = ing.getSpec();
        String className = spec.getIngressClassName() == null ? "<none>" : spec.getIngressClassName();
        return List.of(ing.getMetadata().getName(), className, hosts(spec.getRules()), ingressAddress(ing),
                spec.getTls().isEmpty() ? "80" : "80, 443", Age.since(ing.getMetadata().getCreationTimestamp(), now));
    }

    /** printIngressClass: the parameters as Kind[.apiGroup]/name, or none. */
    static List<String> ingressClass(io.fabric8.kubernetes.api.model.networking.v1.IngressClass ic, Instant now) {
        var params = ic.getSpec() == null ? null : ic.getSpec().getParameters();
        String parameters = "<none>";
        if (params != null) {
            parameters = params.getKind() + (params.getApiGroup() == null ? "" : "." + params.getApiGroup()) + "/"
                    + params.getName();
        }
        return List.of(ic.getMetadata().getName(), ic.getSpec() == null || ic.getSpec().getController() == null ? ""
                : ic.getSpec().getController(), parameters, Age.since(ic.getMetadata().getCreationTimestamp(), now));
    }

    /**
     * ingressLoadBalancerStatusStringerV1 with wide=true (as the server prints tables and describe
     * calls it): the IPs and hostnames as a sorted set, joined by commas.
     */
    static String ingressAddress(Ingress ing) {
        Set<String> address = new java.util.TreeSet<>();
        if (ing.getStatus() != null && ing.getStatus().getLoadBalancer() != null) {
            ing.getStatus().getLoadBalancer().getIngress().forEach(i -> {
                if (i.getIp() != null && !i.getIp().isEmpty()) {
                    address.add(i.getIp());
                }
                if (i.getHostname() != null && !i.getHostname().isEmpty()) {
                    address.add(i.getHostname());
                }
            });
        }
        return String.join(",", address);
    }

    private static String hosts(List<IngressRule> rules) {
        List<String> list = new ArrayList<>();
        boolean more = false;
        for (IngressRule rule : rules) {
            if (list.size() == MAXIMUM) {
                more = true;
            }
            if (!more && rule.getHost() != null && !rule.getHost().isEmpty()) {
                list.add(rule.getHost());
            }
        }
        if (list.isEmpty()) {
            return "*";
        }
        return more ? String.join(",", list) + " + " + (rules.size() - MAXIMUM) + " more..." : String.join(",", list);
    }
}
