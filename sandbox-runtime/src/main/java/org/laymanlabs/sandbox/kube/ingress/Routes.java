package org.laymanlabs.sandbox.kube.ingress;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What ingress-nginx 1.12 renders into nginx.conf from the Ingresses of its class, reduced to the
 * decision nginx takes per request: the server by Host (an exact name, then a "*.domain"
 * wildcard, then the catch-all "_"), then the location: an Exact path ("location = /p"), else the
 * longest matching Prefix (element-wise: /foo matches /foo and /foo/bar, not /foobar) or
 * ImplementationSpecific path (a plain nginx prefix). Each location's upstream is the Service's
 * ready endpoints, as the controller's Lua balancer gets them from EndpointSlices, not the
 * ClusterIP. Mirrors internal/ingress/controller/controller.go getBackendServers.
 */
final class Routes {

    /** One location: where it came from and the pod addresses ("ip:port") behind it. */
    record Route(String ingress, String host, String path, String pathType, String upstream, List<String> endpoints) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Route> defaults = new ArrayList<>();

    static Routes of(List<Ingress> ingresses, List<Service> services, List<EndpointSlice> slices) {
        Routes routes = new Routes();
        ingresses.stream().sorted(Comparator.comparing((Ingress i) -> i.getMetadata().getCreationTimestamp(),
                Comparator.nullsFirst(Comparator.naturalOrder()))).forEach(ing -> routes.add(ing, services, slices));
        return routes;
    }

    private void add(Ingress ing, List<Service> services, List<EndpointSlice> slices) {
        String ns = ing.getMetadata().getNamespace();
        String name = ns + "/" + ing.getMetadata().getName();
        if (ing.getSpec().getDefaultBackend() != null) {
            defaults.add(route(name, "_", "/", "Prefix", ns, ing.getSpec().getDefaultBackend(), services, slices));
        }
        for (IngressRule rule : ing.getSpec().getRules()) {
            String host = rule.getHost() == null || rule.getHost().isEmpty() ? "_" : rule.getHost().toLowerCase(Locale.ROOT);
            if (rule.getHttp() == null) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String type = path.getPathType() == null ? "ImplementationSpecific" : path.getPathType();
                String p = path.getPath() == null || path.getPath().isEmpty() ? "/" : path.getPath();
                // The first Ingress to claim a host and path keeps it, as the controller merges them.
                if (routes.stream().noneMatch(r -> r.host().equals(host) && r.path().equals(p) && r.pathType().equals(type))) {
                    routes.add(route(name, host, p, type, ns, path.getBackend(), services, slices));
                }
            }
        }
    }

    private static Route route(String ingress, String host, String path, String type, String ns, IngressBackend backend,
                               List<Service> services, List<EndpointSlice> slices) {
        if (backend.getService() == null) {
            return new Route(ingress, host, path, type, "upstream-default-backend", List.of());
        }
        String svcName = backend.getService().getName();
        var port = backend.getService().getPort();
        String portText = port == null ? "" : port.getName() != null && !port.getName().isEmpty() ? port.getName()
                : String.valueOf(port.getNumber());
        String upstream = ns + "-" + svcName + "-" + portText;
        Optional<Service> service = services.stream().filter(s -> s.getMetadata().getNamespace().equals(ns)
                && s.getMetadata().getName().equals(svcName)).findFirst();
        if (service.isEmpty() || port == null) {
            return new Route(ingress, host, path, type, upstream, List.of());
        }
        Optional<io.fabric8.kubernetes.api.model.ServicePort> servicePort = service.get().getSpec().getPorts().stream()
                .filter(p -> port.getName() != null && !port.getName().isEmpty() ? port.getName().equals(p.getName())
                        : Objects.equals(port.getNumber(), p.getPort())).findFirst();
        return new Route(ingress, host, path, type, upstream,
                servicePort.map(sp -> endpoints(ns, svcName, sp.getName(), slices)).orElse(List.of()));
    }

    private static List<String> endpoints(String ns, String service, String portName, List<EndpointSlice> slices) {
        List<String> endpoints = new ArrayList<>();
        for (EndpointSlice slice : slices) {
            if (!slice.getMetadata().getNamespace().equals(ns) || slice.getMetadata().getLabels() == null
                    || !service.equals(slice.getMetadata().getLabels().get("kubernetes.io/service-name"))) {
                continue;
            }
            for (var sp : slice.getPorts()) {
                if (!Objects.equals(emptyIfNull(sp.getName()), emptyIfNull(portName)) || sp.getPort() == null) {
                    continue;
                }
                for (var endpoint : slice.getEndpoints()) {
                    boolean ready = endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                            || endpoint.getConditions().getReady();
                    if (ready) {
                        endpoint.getAddresses().forEach(ip -> endpoints.add(ip + ":" + sp.getPort()));
                    }
                }
            }
        }
        return endpoints.stream().sorted().toList();
    }

    /** The location nginx picks for this Host header and path, or empty for the default backend's 404. */
    Optional<Route> match(String hostHeader, String path) {
        String host = hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        String server = servers().stream().filter(host::equals).findFirst()
                .or(() -> servers().stream().filter(s -> s.startsWith("*.") && wildcard(s, host)).findFirst())
                .orElse("_");
        List<Route> locations = routes.stream().filter(r -> r.host().equals(server)).toList();
        Optional<Route> exact = locations.stream().filter(r -> r.pathType().equals("Exact") && r.path().equals(path))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<Route> longest = locations.stream().filter(r -> !r.pathType().equals("Exact") && prefix(r, path))
                .max(Comparator.comparingInt(r -> r.path().length()));
        return longest.isPresent() || !server.equals("_") ? longest : defaults.stream().findFirst();
    }

    private List<String> servers() {
        return routes.stream().map(Route::host).distinct().toList();
    }

    private static boolean wildcard(String server, String host) {
        String domain = server.substring(1);
        return host.endsWith(domain) && host.indexOf('.') == host.length() - domain.length();
    }

    private static boolean prefix(Route route, String path) {
        String p = route.path();
        if (route.pathType().equals("ImplementationSpecific")) {
            return path.startsWith(p);
        }
        String trimmed = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return trimmed.isEmpty() || path.equals(trimmed) || path.startsWith(trimmed + "/");
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}
