package org.laymanlabs.sandbox.kube.cloud;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The nodes behind one load balancer and, for a Service with externalTrafficPolicy Local, their
 * health as the balancer sees it. Mirrors the GCE provider's health check for Local Services
 * (legacy-cloud-providers gce_healthchecks.go): an HTTP GET of /healthz on the Service's
 * healthCheckNodePort every 8 s, a node in after 1 good answer and out after 3 bad ones, so that
 * traffic only goes to nodes that run one of the Service's pods. Without a health check port
 * every node the controller gave is a backend.
 */
final class TargetPool {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(8);
    static final int UNHEALTHY_THRESHOLD = 3;

    private final NetworkLoadBalancer balancer;
    private final Connector connector;
    private final VirtualClock clock;
    private final Map<Ipv4Address, Integer> failures = new HashMap<>();
    private final Map<Ipv4Address, Boolean> healthy = new HashMap<>();
    private List<NetworkLoadBalancer.Listener> listeners = List.of();
    private List<Ipv4Address> nodes = List.of();
    private int healthCheckPort;
    private VirtualClock.Timer next;

    TargetPool(NetworkLoadBalancer balancer, Connector connector, VirtualClock clock) {
        this.balancer = balancer;
        this.connector = connector;
        this.clock = clock;
    }

    void set(List<NetworkLoadBalancer.Listener> listeners, List<Ipv4Address> nodes, int healthCheckPort) {
        this.listeners = List.copyOf(listeners);
        this.nodes = List.copyOf(nodes);
        this.healthCheckPort = healthCheckPort;
        healthy.keySet().retainAll(nodes);
        failures.keySet().retainAll(nodes);
        if (healthCheckPort != 0) {
            checkAll();
            if (next == null) {
                next = clock.schedule(CHECK_INTERVAL, this::tick);
            }
        } else {
            stop();
        }
        apply();
    }

    List<Ipv4Address> backends() {
        return healthCheckPort == 0 ? nodes : nodes.stream().filter(n -> healthy.getOrDefault(n, false)).toList();
    }

    void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void tick() {
        next = clock.schedule(CHECK_INTERVAL, this::tick);
        List<Ipv4Address> before = backends();
        checkAll();
        if (!before.equals(backends())) {
            apply();
        }
    }

    private void checkAll() {
        for (Ipv4Address node : nodes) {
            if (answersOk(node)) {
                failures.put(node, 0);
                healthy.put(node, true);
            } else if (failures.merge(node, 1, Integer::sum) >= UNHEALTHY_THRESHOLD || !healthy.containsKey(node)) {
                healthy.put(node, false);
            }
        }
    }

    /** One probe from the balancer's own machine; no patience, so a silent node counts as a timeout at once. */
    private boolean answersOk(Ipv4Address node) {
        Exchange exchange = connector.exchange(balancer.machine(), node, healthCheckPort,
                "GET /healthz HTTP/1.1\r\nHost: " + node + ":" + healthCheckPort + "\r\nUser-Agent: GoogleHC/1.0\r\n\r\n",
                Duration.ZERO);
        return exchange instanceof Exchange.Answered answered
                && HttpResponse.parse(answered.response()).map(r -> r.status() == 200).orElse(false);
    }

    private void apply() {
        balancer.forward(listeners, backends());
    }
}
