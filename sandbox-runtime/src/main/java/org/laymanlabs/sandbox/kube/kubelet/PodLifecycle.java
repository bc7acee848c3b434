package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.HostIP;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.cni.BridgePlugin;
import org.laymanlabs.sandbox.net.Ipv4Address;
import java.util.Set;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The kubelet's pod workers (pkg/kubelet/pod_workers.go, kuberuntime_manager.go SyncPod) in their
 * first, container-less form: a bound pod is given an address from the node's pod CIDR (as
 * host-local IPAM does, from .2 up), its images are pulled once per node, its containers start a
 * second later, and it reports Running and Ready; a pod marked for deletion is stopped and then
 * removed from the API. On a node with a machine behind it, the CNI plugin wires a namespace for
 * each pod that is not on the host network, and takes it down once the pod is gone. Running real
 * containers through the engine is the node-side issue's work.
 */
final class PodLifecycle {

    private static final Duration PULL = Duration.ofMillis(800);
    private static final Duration START = Duration.ofMillis(200);
    private static final Duration STOP = Duration.ofMillis(500);

    private final ApiServer api;
    private final NodeConfig node;
    private final VirtualClock clock;
    private final EventRecorder events;
    private final Map<String, String> addresses = new HashMap<>();
    private final Set<String> starting = new HashSet<>();
    private final Set<String> stopping = new HashSet<>();
    private final Set<String> images = new HashSet<>();
    private final List<VirtualClock.Timer> timers = new ArrayList<>();
    private final Optional<BridgePlugin> cni;

    PodLifecycle(ApiServer api, NodeConfig node, EventRecorder events, Optional<BridgePlugin> cni) {
        this.api = api;
        this.cni = cni;
        this.node = node;
        this.clock = api.clock();
        this.events = events;
    }

    void stop() {
        timers.forEach(VirtualClock.Timer::cancel);
        timers.clear();
        starting.clear();
        stopping.clear();
    }

    void sync(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            if (stopping.add(uid)) {
                pod.getSpec().getContainers().forEach(c -> events.event(pod, EventRecorder.Type.Normal, "Killing",
                        "Stopping container " + c.getName()));
                timers.add(clock.schedule(STOP, () -> api.delete(ApiResources.PODS, pod.getMetadata().getNamespace(),
                        pod.getMetadata().getName(), DeletionPropagation.BACKGROUND, 0L).whenComplete((gone, failure) -> {
                            addresses.remove(uid);
                            stopping.remove(uid);
                            cni.ifPresent(plugin -> plugin.del(uid));
                        })));
            }
            return;
        }
        if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
            addresses.putIfAbsent(uid, pod.getStatus().getPodIP());
            return;
        }
        if (starting.add(uid)) {
            boolean hostNetwork = Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
            String ip = hostNetwork ? node.internalIp() : allocate(uid);
            if (!hostNetwork) {
                // RunPodSandbox: the sandbox's namespace is wired (CNI ADD) before any image is pulled.
                cni.ifPresent(plugin -> plugin.add(uid, Ipv4Address.parse(ip)));
            }
            Duration delay = Duration.ZERO;
            for (Container c : pod.getSpec().getContainers()) {
                if (images.add(c.getImage())) {
                    events.event(pod, EventRecorder.Type.Normal, "Pulling", "Pulling image \"" + c.getImage() + "\"");
                    delay = delay.plus(PULL);
                }
            }
            creating(pod);
            timers.add(clock.schedule(delay.plus(START), () -> started(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), uid, ip)));
        }
    }

    /** The status a kubelet posts while it sets the pod up: each container waiting in ContainerCreating. */
    private void creating(Pod pod) {
        String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ContainerStatus> waiting = pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
                .withName(c.getName()).withImage(c.getImage()).withImageID("").withReady(false).withStarted(false)
                .withRestartCount(0).withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState()
                .build()).toList();
        List<PodCondition> conditions = new ArrayList<>();
        conditions.add(new PodCondition(null, now, null, null, null, "False", "PodReadyToStartContainers"));
        conditions.add(new PodCondition(null, now, null, null, null, "True", "Initialized"));
        conditions.add(new PodCondition(null, now, "containers with unready status: [" + pod.getSpec().getContainers().stream()
                .map(Container::getName).collect(java.util.stream.Collectors.joining(" ")) + "]", null, "ContainersNotReady", "False", "Ready"));
        conditions.add(new PodCondition(null, now, "containers with unready status: [" + pod.getSpec().getContainers().stream()
                .map(Container::getName).collect(java.util.stream.Collectors.joining(" ")) + "]", null, "ContainersNotReady", "False", "ContainersReady"));
        pod.getStatus().getConditions().stream().filter(c -> c.getType().equals("PodScheduled")).forEach(conditions::add);
        api.updateStatus(new PodBuilder(pod).editStatus().withHostIP(node.internalIp()).withHostIPs(new HostIP(node.internalIp()))
                .withStartTime(now).withConditions(conditions).withContainerStatuses(waiting).endStatus().build());
    }

    private void started(String namespace, String name, String uid, String ip) {
        Pod pod = api.get(Pod.class, namespace, name).orElse(null);
        if (pod == null || !pod.getMetadata().getUid().equals(uid) || pod.getMetadata().getDeletionTimestamp() != null) {
            starting.remove(uid);
            return;
        }
        String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            events.event(pod, EventRecorder.Type.Normal, "Pulled", "Successfully pulled image \"" + c.getImage() + "\"");
            events.event(pod, EventRecorder.Type.Normal, "Created", "Created container: " + c.getName());
            events.event(pod, EventRecorder.Type.Normal, "Started", "Started container " + c.getName());
            statuses.add(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                    .withImageID(imageId(c.getImage())).withContainerID("containerd://" + hex64(uid + c.getName()))
                    .withReady(true).withStarted(true).withRestartCount(0)
                    .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build());
        }
        List<PodCondition> conditions = new ArrayList<>();
        for (String type : List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady")) {
            conditions.add(new PodCondition(null, now, null, null, null, "True", type));
        }
        pod.getStatus().getConditions().stream().filter(c -> c.getType().equals("PodScheduled")).forEach(conditions::add);
        Pod running = new PodBuilder(pod).editStatus().withPhase("Running").withHostIP(node.internalIp())
                .withHostIPs(new HostIP(node.internalIp())).withPodIP(ip).withPodIPs(new PodIP(ip)).withStartTime(now)
                .withConditions(conditions).withContainerStatuses(statuses).endStatus().build();
        api.updateStatus(running).whenComplete((ok, failure) -> starting.remove(uid));
    }

    /** host-local IPAM: the lowest free address of the node's pod CIDR, from .2 (.1 is the bridge). */
    private String allocate(String uid) {
        Cidr cidr = Cidr.parse(node.podCidr());
        for (int n = 2; ; n++) {
            String candidate = cidr.nth(n).toString();
            if (!addresses.containsValue(candidate)) {
                addresses.put(uid, candidate);
                return candidate;
            }
        }
    }

    private static String imageId(String image) {
        String name = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        String repo = name.contains("/") ? name : "docker.io/library/" + name;
        return repo + "@sha256:" + hex64(image);
    }

    private static String hex64(String seed) {
        StringBuilder out = new StringBuilder();
        long h = seed.hashCode();
        while (out.length() < 64) {
            h = h * 6364136223846793005L + 1442695040888963407L;
            out.append(String.format("%016x", h));
        }
        return out.substring(0, 64);
    }
}
