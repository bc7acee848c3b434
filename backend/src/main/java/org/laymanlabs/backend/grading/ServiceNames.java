package org.laymanlabs.backend.grading;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Optional;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Turns a check's host into an address as cluster DNS would answer a pod: an IP literal as it
 * is, {@code localhost} as the loopback, and a Service's names ({@code web}, {@code web.shop},
 * {@code web.shop.svc}, {@code web.shop.svc.cluster.local}) as its ClusterIP, or for a headless
 * Service as its first ready endpoint, as CoreDNS answers and a client picks. Only the lookup is
 * done here; the packet itself then crosses the real rules.
 */
final class ServiceNames {

    private ServiceNames() {
    }

    static Optional<Ipv4Address> resolve(Sandbox sandbox, String host) {
        if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            try {
                return Optional.of(Ipv4Address.parse(host));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (host.equals("localhost")) {
            return Optional.of(Ipv4Address.parse("127.0.0.1"));
        }
        String[] labels = host.split("\\.");
        String namespace = labels.length > 1 ? labels[1] : "default";
        boolean clusterName = labels.length <= 2 || labels[2].equals("svc")
                && (labels.length == 3 || host.endsWith(".svc.cluster.local") && labels.length == 5);
        if (!clusterName || !sandbox.hasCluster()) {
            return Optional.empty();
        }
        Optional<String> clusterIp = sandbox.cluster().api().get(Service.class, namespace, labels[0])
                .map(s -> s.getSpec().getClusterIP());
        if (clusterIp.filter("None"::equals).isPresent()) {
            return firstReadyEndpoint(sandbox, namespace, labels[0]);
        }
        return clusterIp.filter(ip -> !ip.isEmpty()).map(Ipv4Address::parse);
    }

    /** A headless Service's name answers with its ready endpoints' addresses; a client takes the first. */
    private static Optional<Ipv4Address> firstReadyEndpoint(Sandbox sandbox, String namespace, String service) {
        return sandbox.cluster().api().list(EndpointSlice.class, namespace).stream()
                .filter(slice -> slice.getMetadata().getLabels() != null
                        && service.equals(slice.getMetadata().getLabels().get("kubernetes.io/service-name")))
                .flatMap(slice -> slice.getEndpoints() == null ? Stream.<Endpoint>empty() : slice.getEndpoints().stream())
                .filter(endpoint -> endpoint.getConditions() == null || !Boolean.FALSE.equals(endpoint.getConditions().getReady()))
                .flatMap(endpoint -> endpoint.getAddresses().stream())
                .findFirst()
                .map(Ipv4Address::parse);
    }
}
