package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.cni.BridgePlugin;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors the kubelet's node-facing loops (pkg/kubelet): it registers its Node, renews its Lease
 * in kube-node-lease every 10 s (the heartbeat the node lifecycle controller watches), reports
 * node status, and runs the pods bound to it through {@link PodLifecycle}. Stopping it is a node
 * going dark: no more heartbeats, and its pods are left as they were.
 */
public final class Kubelet {

    static final Duration LEASE_RENEW = Duration.ofSeconds(10);
    static final Duration STATUS_REPORT = Duration.ofMinutes(5);
    static final int LEASE_DURATION_SECONDS = 40;

    private final ApiServer api;
    private final NodeConfig config;
    private final VirtualClock clock;
    private final PodLifecycle pods;
    private final Optional<BridgePlugin> cni;
    private final List<VirtualClock.Timer> timers = new ArrayList<>();
    private ApiWatch watch;
    private boolean running;

    public Kubelet(ApiServer api, NodeConfig config) {
        this(api, config, Optional.empty());
    }

    /** @param cni the node's CNI plugin, which wires each pod's namespace; empty for a node with no machine behind it */
    public Kubelet(ApiServer api, NodeConfig config, Optional<BridgePlugin> cni) {
        this.api = api;
        this.config = config;
        this.clock = api.clock();
        this.cni = cni;
        this.pods = new PodLifecycle(api, config, new EventRecorder(api, "kubelet", config.name()), cni);
    }

    public NodeConfig config() {
        return config;
    }

    /** The namespace of a running pod's sandbox on this node, once CNI has set it up. */
    public Optional<NetworkNamespace> podNamespace(String podUid) {
        return cni.flatMap(plugin -> plugin.pod(podUid));
    }

    public String nodeName() {
        return config.name();
    }

    public boolean isRunning() {
        return running;
    }

    public void start() {
        if (running) {
            return;
        }
        running = true;
        api.create(NodeStatusFactory.register(config)).handle((created, refused) -> {
            reportStatus();
            renewLease();
            mirrorStaticPods();
            return null;
        });
        watch = api.watch(ApiResources.PODS, "", api.resourceVersion(), e -> {
            Pod pod = (Pod) e.object();
            if (config.name().equals(pod.getSpec().getNodeName())) {
                pods.sync(pod);
            }
        });
        api.list(Pod.class, "").stream().filter(p -> config.name().equals(p.getSpec().getNodeName())).forEach(pods::sync);
    }

    /** The node goes dark: heartbeats stop and nothing on it changes any more. */
    public void stop() {
        running = false;
        timers.forEach(VirtualClock.Timer::cancel);
        timers.clear();
        if (watch != null) {
            watch.cancel();
        }
        pods.stop();
    }

    /** A control-plane node's kubelet mirrors kubeadm's static pods into the API. */
    private void mirrorStaticPods() {
        if (!config.controlPlane()) {
            return;
        }
        api.get(Node.class, "", config.name()).ifPresent(node -> StaticPods.controlPlane(config, node.getMetadata().getUid())
                .forEach(pod -> {
                    if (api.get(Pod.class, "kube-system", pod.getMetadata().getName()).isEmpty()) {
                        api.create(pod);
                    }
                }));
    }

    private void renewLease() {
        if (!running) {
            return;
        }
        java.time.ZonedDateTime renew = java.time.ZonedDateTime.ofInstant(clock.now(), java.time.ZoneOffset.UTC);
        var existing = api.get(Lease.class, "kube-node-lease", config.name());
        if (existing.isPresent()) {
            api.update(new LeaseBuilder(existing.get()).editSpec().withRenewTime(renew).endSpec().build());
        } else {
            api.get(Node.class, "", config.name()).ifPresent(node -> api.create(new LeaseBuilder().withNewMetadata()
                    .withName(config.name()).withNamespace("kube-node-lease")
                    .addNewOwnerReference().withApiVersion("v1").withKind("Node").withName(config.name())
                    .withUid(node.getMetadata().getUid()).endOwnerReference().endMetadata()
                    .withNewSpec().withHolderIdentity(config.name()).withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                    .withRenewTime(renew).endSpec().build()));
        }
        timers.add(clock.schedule(LEASE_RENEW, this::renewLease));
    }

    private void reportStatus() {
        if (!running) {
            return;
        }
        api.get(Node.class, "", config.name()).ifPresent(node -> {
            String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
            api.updateStatus(new NodeBuilder(node).withStatus(NodeStatusFactory.status(config, now, node.getStatus())).build());
        });
        timers.add(clock.schedule(STATUS_REPORT, this::reportStatus));
    }

}
