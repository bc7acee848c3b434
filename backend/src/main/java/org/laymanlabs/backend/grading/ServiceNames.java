package org.laymanlabs.backend.grading;

import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Turns a check's host into an address as cluster DNS would answer a pod: an IP literal as it
 * is, {@code localhost} as the loopback, and a Service's names ({@code web}, {@code web.shop},
 * {@code web.shop.svc}, {@code web.shop.svc.cluster.local}) as its ClusterIP. Only the lookup is
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
        return sandbox.cluster().api().get(Service.class, namespace, labels[0])
                .map(s -> s.getSpec().getClusterIP())
                .filter(ip -> ip != null && !ip.isEmpty() && !ip.equals("None"))
                .map(Ipv4Address::parse);
    }
}
