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
import org.laymanlabs.sandbox.kube.apiserver.WatchEvent;
import org.laymanlabs.sandbox.kube.cri.Containerd;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.cri.NodeHost;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeManager;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors the kubelet's node-facing loops (pkg/kubelet): it registers its Node, renews its Lease
 * in kube-node-lease every 10 s (the heartbeat the node lifecycle controller watches), reports
 * node status, and runs the pods bound to it through its {@link PodWorkers} on the node's
 * containerd, with its probes. Stopping it is a node going dark: no more heartbeats, and its pods
 * (and their containers) are left as they were.
 */
public final class Kubelet {

    static final Duration LEASE_RENEW = Duration.ofSeconds(10);
    static final Duration STATUS_REPORT = Duration.ofMinutes(5);
    static final int LEASE_DURATION_SECONDS = 40;

    private final ApiServer api;
    private final NodeConfig config;
    private final VirtualClock clock;
    private final PodWorkers pods;
    private final Containerd runtime;
    private final ProbeManager probes;
    /** The next Lease renewal and status report: one each, not a list that grew by one every ten seconds. */
    private VirtualClock.Timer nextRenewal;
    private VirtualClock.Timer nextReport;
    private ApiWatch watch;
    private boolean running;

    /**
     * @param runtime the node's containerd
     * @param host    the node's machine, from whose namespace HTTP and TCP probes go out
     */
    public Kubelet(ApiServer api, NodeConfig config, Containerd runtime, NodeHost host) {
        this.api = api;
        this.config = config;
        this.clock = api.clock();
        this.runtime = runtime;
        EventRecorder events = new EventRecorder(api, "kubelet", config.name());
        PodWorkers[] workers = new PodWorkers[1];
        this.probes = new ProbeManager(clock, new NodeProbeTarget(host.namespace(), host.connector(), runtime), events,
                new ProbeManager.Listener() {
                    @Override
                    public void probeResultChanged(String podUid, String containerName) {
                        workers[0].wake(podUid);
                    }

                    @Override
                    public void livenessFailed(String podUid, String containerName, String containerId, String message) {
                        workers[0].livenessFailed(podUid, containerId, message);
                    }
                });
        this.pods = new PodWorkers(api, config, events, runtime, probes);
        workers[0] = pods;
    }

    /** The images kind's node image ships in containerd: pause everywhere, the control plane's on its nodes. */
    public static List<String> preloadedImages(NodeConfig node) {
        List<String> images = new ArrayList<>(List.of(Containerd.PAUSE_IMAGE));
        if (node.controlPlane()) {
            images.addAll(StaticPods.IMAGES);
        }
        return images;
    }

    public NodeConfig config() {
        return config;
    }

    /** The namespace of a running pod's sandbox on this node, once CNI has set it up. */
    public Optional<NetworkNamespace> podNamespace(String podUid) {
        return pods.find(podUid).flatMap(p -> p.sandbox)
                .filter(s -> s.state() == org.laymanlabs.sandbox.kube.cri.PodSandbox.State.SANDBOX_READY)
                .filter(s -> !s.config().hostNetwork()).map(s -> s.netns());
    }

    /** The node's containerd, which crictl talks to. */
    public Containerd runtime() {
        return runtime;
    }

    /**
     * A pod's container as the kubelet's log and exec endpoints find it: its latest attempt, or the
     * one before with {@code previous} (kubectl logs --previous).
     */
    public Optional<CriContainer> container(String podUid, String name, boolean previous) {
        return pods.find(podUid).flatMap(p -> previous ? p.previousForLogs(name) : p.latest(name));
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
            if (!config.name().equals(pod.getSpec().getNodeName())) {
                return;
            }
            if (e.type() == WatchEvent.Type.DELETED) {
                pods.removed(pod);
            } else {
                pods.update(pod);
            }
        });
        api.list(Pod.class, "").stream().filter(p -> config.name().equals(p.getSpec().getNodeName())).forEach(pods::update);
    }

    /** The node goes dark: heartbeats stop and nothing on it changes any more. */
    public void stop() {
        running = false;
        if (nextRenewal != null) {
            nextRenewal.cancel();
        }
        if (nextReport != null) {
            nextReport.cancel();
        }
        if (watch != null) {
            watch.cancel();
        }
        pods.stop();
        probes.stop();
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
        nextRenewal = clock.schedule(LEASE_RENEW, this::renewLease);
    }

    private void reportStatus() {
        if (!running) {
            return;
        }
        api.get(Node.class, "", config.name()).ifPresent(node -> {
            String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
            api.updateStatus(new NodeBuilder(node).withStatus(NodeStatusFactory.status(config, now, node.getStatus())).build());
        });
        nextReport = clock.schedule(STATUS_REPORT, this::reportStatus);
    }

}
