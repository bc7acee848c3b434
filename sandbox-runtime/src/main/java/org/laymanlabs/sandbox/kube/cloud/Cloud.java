package org.laymanlabs.sandbox.kube.cloud;

import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors cloud-provider's LoadBalancer interface (GetLoadBalancer, EnsureLoadBalancer,
 * EnsureLoadBalancerDeleted) for a simulated provider: a Service's load balancer is a machine on
 * the {@link Internet} with an external IP from its pool, forwarding to the nodes' NodePorts. A
 * new balancer takes {@link #PROVISIONING} to come up, as a real one takes a while, so that
 * {@code kubectl get svc} shows its EXTERNAL-IP as {@code <pending>} first. Its machines take their
 * MACs from the cloud's own random stream, not from the learner's.
 */
public final class Cloud {

    static final Duration PROVISIONING = Duration.ofSeconds(10);

    /** What the controller asks for: the Service's ports on the balancer, its nodes and health check port. */
    record Request(List<NetworkLoadBalancer.Listener> listeners, List<Ipv4Address> nodes, int healthCheckNodePort) {
    }

    private record Balancer(NetworkLoadBalancer machine, TargetPool pool, Instant readyAt) {
    }

    private final Network network;
    private final NamespaceNetfilters netfilters;
    private final VirtualClock clock;
    private final Internet internet;
    private final NodeNetwork nodes;
    private final Connector connector;
    private final Map<String, Balancer> balancers = new HashMap<>();
    private final RandomGenerator random;

    public Cloud(Network network, NamespaceNetfilters netfilters, VirtualClock clock, RandomGenerator random) {
        this.network = network;
        this.netfilters = netfilters;
        this.clock = clock;
        this.random = random;
        this.internet = network.withMacsFrom(random, () -> new Internet(network));
        this.nodes = new NodeNetwork(network, random);
        this.connector = new Connector(new Ipv4Stack(network, netfilters), random, clock);
    }

    public Internet internet() {
        return internet;
    }

    /**
     * The learner's home network: the router the laptop's eth0 and default route point at, on
     * the cloud's internet, so that external IPs answer from the laptop as from a real one.
     */
    public void connectHome(NetworkNamespace laptop) {
        laptop.link("eth0").ifPresent(card -> network.withMacsFrom(random,
                () -> HomeRouter.connect(network, netfilters, internet, card)));
    }

    /** cloudprovider.DefaultLoadBalancerName: "a" and the Service's UID without dashes, at most 32 characters. */
    static String name(Service service) {
        String name = "a" + service.getMetadata().getUid().replace("-", "");
        return name.length() > 32 ? name.substring(0, 32) : name;
    }

    /** The balancer's external IP once it is up; empty while it is still being provisioned or if there is none. */
    Optional<Ipv4Address> get(Service service) {
        Balancer balancer = balancers.get(name(service));
        return balancer == null || clock.now().isBefore(balancer.readyAt()) ? Optional.empty()
                : Optional.of(balancer.machine().ip());
    }

    /**
     * EnsureLoadBalancer: creates the balancer if there is none and points it at {@code request}.
     *
     * @return how long until it is up (zero when it is), or empty when the IP pool is spent
     */
    Optional<Duration> ensure(Service service, Request request) {
        String name = name(service);
        Balancer balancer = balancers.get(name);
        if (balancer == null) {
            Optional<Ipv4Address> ip = internet.allocate();
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            NetworkLoadBalancer machine = network.withMacsFrom(random,
                    () -> new NetworkLoadBalancer(network, netfilters, internet, nodes, name, ip.get()));
            balancer = new Balancer(machine, new TargetPool(machine, connector, clock), clock.now().plus(PROVISIONING));
            balancers.put(name, balancer);
        }
        balancer.pool().set(request.listeners(), request.nodes(), request.healthCheckNodePort());
        Duration left = Duration.between(clock.now(), balancer.readyAt());
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** The nodes the balancer sends to now (after health checks), for the grader and tests. */
    List<Ipv4Address> backends(Service service) {
        Balancer balancer = balancers.get(name(service));
        return balancer == null ? List.of() : balancer.pool().backends();
    }

    boolean exists(String name) {
        return balancers.containsKey(name);
    }

    /** EnsureLoadBalancerDeleted: the machine and its address go; nothing to do if there is none. */
    void ensureDeleted(String name) {
        Balancer balancer = balancers.remove(name);
        if (balancer != null) {
            balancer.pool().stop();
            internet.release(balancer.machine().ip());
            balancer.machine().delete();
        }
    }
}
