package org.laymanlabs.sandbox.kube.cloud;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;
import org.laymanlabs.sandbox.kube.controller.Writes;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors k8s.io/cloud-provider controllers/service/controller.go: for every Service of type
 * LoadBalancer it holds the finalizer service.kubernetes.io/load-balancer-cleanup, ensures a load
 * balancer in the {@link Cloud} for the Service's ports and the Ready nodes (less those labelled
 * node.kubernetes.io/exclude-from-external-load-balancers, which kubeadm puts on control-plane
 * nodes), and writes its IP to status.loadBalancer.ingress; it tells the Service so with the
 * EnsuringLoadBalancer and EnsuredLoadBalancer events. When the Service goes, or stops being a
 * LoadBalancer, the balancer is deleted before the finalizer is let go.
 */
public final class ServiceController implements Controller {

    static final String FINALIZER = "service.kubernetes.io/load-balancer-cleanup";
    private static final String EXCLUDE = "node.kubernetes.io/exclude-from-external-load-balancers";

    private final ApiServer api;
    private final Cloud cloud;
    private final EventRecorder events;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();
    /** The balancer of each Service key, and what it was last pointed at: the controller's serviceCache. */
    private final Map<String, String> balancerOf = new HashMap<>();
    private final Map<String, Cloud.Request> applied = new HashMap<>();

    public ServiceController(ApiServer api, Cloud cloud) {
        this.api = api;
        this.cloud = cloud;
        this.events = new EventRecorder(api, "service-controller", "");
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.SERVICES, "", from, e -> queue.add(ControllerRefs.key(e.object()))));
        // A node joining, leaving or changing readiness changes every balancer's backends.
        watches.add(api.watch(ApiResources.NODES, "", from, e -> enqueueAll()));
        enqueueAll();
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    private void enqueueAll() {
        api.list(Service.class, "").forEach(s -> queue.add(ControllerRefs.key(s)));
        balancerOf.keySet().forEach(queue::add);
    }

    private void sync(String key, WorkQueue.Done done) {
        Optional<Service> found = api.get(Service.class, ControllerRefs.namespaceOf(key), ControllerRefs.nameOf(key));
        if (found.isEmpty()) {
            Optional.ofNullable(balancerOf.remove(key)).ifPresent(cloud::ensureDeleted);
            applied.remove(key);
            done.success();
            return;
        }
        Service service = found.get();
        boolean wanted = "LoadBalancer".equals(service.getSpec().getType())
                && service.getMetadata().getDeletionTimestamp() == null;
        if (!wanted) {
            cleanUp(key, service, done);
        } else if (!service.getMetadata().getFinalizers().contains(FINALIZER)) {
            Service withFinalizer = new ServiceBuilder(service).editMetadata().addToFinalizers(FINALIZER).endMetadata().build();
            Writes.finish(List.of(api.update(withFinalizer)), done);
        } else {
            ensure(key, service, done);
        }
    }

    private void ensure(String key, Service service, WorkQueue.Done done) {
        Cloud.Request request = request(service);
        Cloud.Request before = applied.get(key);
        boolean onlyHosts = before != null && before.listeners().equals(request.listeners())
                && before.healthCheckNodePort() == request.healthCheckNodePort();
        if (before == null || !onlyHosts) {
            events.event(service, EventRecorder.Type.Normal, "EnsuringLoadBalancer", "Ensuring load balancer");
        }
        balancerOf.put(key, Cloud.name(service));
        Optional<Duration> left = cloud.ensure(service, request);
        if (left.isEmpty()) {
            events.event(service, EventRecorder.Type.Warning, "SyncLoadBalancerFailed", "Error syncing load balancer: "
                    + "failed to ensure load balancer: no external IP address is free in " + Internet.SUBNET);
            done.requeueAfter(Duration.ofMinutes(1));
            return;
        }
        if (!left.get().isZero()) {
            applied.put(key, request);
            done.requeueAfter(left.get());
            return;
        }
        boolean newAddress = !status(service).equals(ingressFor(service));
        if (newAddress || !onlyHosts) {
            events.event(service, EventRecorder.Type.Normal, "EnsuredLoadBalancer", "Ensured load balancer");
        } else if (!before.nodes().equals(request.nodes())) {
            events.event(service, EventRecorder.Type.Normal, "UpdatedLoadBalancer", "Updated load balancer with new hosts");
        }
        applied.put(key, request);
        writeStatus(service, ingressFor(service), done);
    }

    private void cleanUp(String key, Service service, WorkQueue.Done done) {
        String name = balancerOf.remove(key);
        applied.remove(key);
        if (name != null || cloud.exists(Cloud.name(service))) {
            events.event(service, EventRecorder.Type.Normal, "DeletingLoadBalancer", "Deleting load balancer");
            cloud.ensureDeleted(Cloud.name(service));
            events.event(service, EventRecorder.Type.Normal, "DeletedLoadBalancer", "Deleted load balancer");
        }
        List<String> finalizers = new ArrayList<>(service.getMetadata().getFinalizers());
        boolean held = finalizers.remove(FINALIZER);
        boolean deleting = service.getMetadata().getDeletionTimestamp() != null;
        if (!deleting && !status(service).isEmpty()) {
            // No longer a LoadBalancer: its address goes first, then the finalizer (the next sync).
            Service cleared = new ServiceBuilder(service).editOrNewStatus().withLoadBalancer(new LoadBalancerStatus())
                    .endStatus().build();
            Writes.finish(List.of(api.updateStatus(cleared)), done);
        } else if (held) {
            Writes.finish(List.of(api.update(new ServiceBuilder(service).editMetadata().withFinalizers(finalizers)
                    .endMetadata().build())), done);
        } else {
            done.success();
        }
    }

    private void writeStatus(Service service, List<LoadBalancerIngress> ingress, WorkQueue.Done done) {
        if (status(service).equals(ingress)) {
            done.success();
            return;
        }
        Service updated = new ServiceBuilder(service).editOrNewStatus().withLoadBalancer(new LoadBalancerStatus(ingress))
                .endStatus().build();
        Writes.finish(List.of(api.updateStatus(updated)), done);
    }

    private List<LoadBalancerIngress> ingressFor(Service service) {
        return cloud.get(service).map(ip -> List.of(new LoadBalancerIngressBuilder().withIp(ip.toString())
                .withIpMode("VIP").build())).orElse(List.of());
    }

    private static List<LoadBalancerIngress> status(Service service) {
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return service.getStatus().getLoadBalancer().getIngress();
    }

    private Cloud.Request request(Service service) {
        List<NetworkLoadBalancer.Listener> listeners = service.getSpec().getPorts().stream()
                .filter(p -> p.getNodePort() != null && p.getNodePort() != 0)
                .map(p -> new NetworkLoadBalancer.Listener(p.getProtocol(), p.getPort(), p.getNodePort())).toList();
        int healthCheck = "Local".equals(service.getSpec().getExternalTrafficPolicy())
                && service.getSpec().getHealthCheckNodePort() != null ? service.getSpec().getHealthCheckNodePort() : 0;
        return new Cloud.Request(listeners, nodes(), healthCheck);
    }

    /** The service controller's node predicates: Ready, and not excluded from external load balancers. */
    private List<Ipv4Address> nodes() {
        return api.list(Node.class, "").stream()
                .filter(n -> n.getMetadata().getLabels() == null || !n.getMetadata().getLabels().containsKey(EXCLUDE))
                .filter(n -> n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions()
                        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                .flatMap(n -> n.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType())).limit(1))
                .map(a -> Ipv4Address.parse(a.getAddress())).toList();
    }
}
