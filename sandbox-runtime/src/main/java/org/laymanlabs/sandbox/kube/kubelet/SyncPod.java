package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.cri.ContainerConfig;
import org.laymanlabs.sandbox.kube.cri.Containerd;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.cri.PodSandboxConfig;
import org.laymanlabs.sandbox.kube.dns.ResolvConf;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeManager;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod and computePodActions: make the
 * sandbox if there is none, run the init containers one by one to completion, then start every
 * app container that is missing, and restart those that exited as the restart policy says,
 * behind the CrashLoopBackOff back-off (doBackOff). Returns when the pod should be synced again.
 */
final class SyncPod {

    /** KubeletConfiguration clusterDomain and clusterDNS as kubeadm writes them. */
    private static final String CLUSTER_DOMAIN = "cluster.local";
    private static final String CLUSTER_DNS = "10.96.0.10";
    /** The node's own /etc/resolv.conf: a kind node's points at the Docker network's gateway, the laptop. */
    private static final String NODE_RESOLV_CONF = "nameserver 192.168.49.1\noptions ndots:0\n";

    private final VirtualClock clock;
    private final NodeConfig node;
    private final Containerd runtime;
    private final ImageManager images;
    private final EventRecorder events;
    private final ProbeManager probes;
    private final HostLocalIpam ipam;
    private final BackOff crashes;

    SyncPod(VirtualClock clock, NodeConfig node, Containerd runtime, ImageManager images, EventRecorder events,
            ProbeManager probes, HostLocalIpam ipam) {
        this.clock = clock;
        this.node = node;
        this.runtime = runtime;
        this.images = images;
        this.events = events;
        this.probes = probes;
        this.ipam = ipam;
        this.crashes = new BackOff(clock::now);
    }

    /**
     * One pass over the pod; {@code pulled} runs when a pull this pass started has ended.
     *
     * @return when to sync again (a back-off's end), if anything waits on time
     */
    /** Who wakes the pod when an image it waits for is pulled; serializable, as a pending pull keeps it. */
    @FunctionalInterface
    interface WhenPulled extends Consumer<PodRecord>, java.io.Serializable {
    }

    Optional<Instant> run(PodRecord pod, WhenPulled pulled) {
        if (pod.sandbox.isEmpty()) {
            createSandbox(pod);
        }
        if (pod.pulling) {
            return Optional.empty();
        }
        String policy = pod.pod.getSpec().getRestartPolicy() == null ? "Always" : pod.pod.getSpec().getRestartPolicy();
        for (Container init : pod.pod.getSpec().getInitContainers()) {
            Optional<CriContainer> latest = pod.latest(init.getName());
            if (latest.isEmpty()) {
                return start(pod, init, 0, pulled);
            }
            CriContainer c = latest.get();
            if (c.state() != CriContainer.State.CONTAINER_EXITED) {
                return Optional.empty();
            }
            if (c.exitCode() != 0) {
                return policy.equals("Never") ? Optional.empty() : restart(pod, init, c, pulled);
            }
        }
        Optional<Instant> next = Optional.empty();
        for (Container container : pod.pod.getSpec().getContainers()) {
            Optional<CriContainer> latest = pod.latest(container.getName());
            Optional<Instant> wake = Optional.empty();
            if (latest.isEmpty()) {
                wake = start(pod, container, 0, pulled);
            } else if (latest.get().state() == CriContainer.State.CONTAINER_EXITED
                    && shouldRestart(policy, latest.get().exitCode())) {
                wake = restart(pod, container, latest.get(), pulled);
            }
            if (pod.pulling) {
                // serializeImagePulls: the worker waits for this pull before it starts anything else.
                return Optional.empty();
            }
            next = earliest(next, wake);
        }
        return next;
    }

    private static boolean shouldRestart(String policy, int exitCode) {
        return policy.equals("Always") || (policy.equals("OnFailure") && exitCode != 0);
    }

    /** RunPodSandbox; CNI gives a pod off the host network its address from the node's pod CIDR. */
    private void createSandbox(PodRecord pod) {
        boolean hostNetwork = Boolean.TRUE.equals(pod.pod.getSpec().getHostNetwork());
        pod.ip = hostNetwork ? node.internalIp() : ipam.allocate(pod.uid());
        pod.sandbox = Optional.of(runtime.runPodSandbox(new PodSandboxConfig(pod.pod.getMetadata().getName(),
                pod.pod.getMetadata().getNamespace(), pod.uid(), 0, hostNetwork,
                ResolvConf.forPod(pod.pod, CLUSTER_DOMAIN, CLUSTER_DNS, NODE_RESOLV_CONF), hosts(pod.pod, pod.ip)),
                Optional.of(pod.ip)));
        if (pod.startTime == null) {
            pod.startTime = clock.now();
        }
    }

    /** doBackOff, then a new attempt: while in back-off the container waits in CrashLoopBackOff. */
    private Optional<Instant> restart(PodRecord pod, Container container, CriContainer exited,
                                      WhenPulled pulled) {
        String key = pod.pod.getMetadata().getName() + "_" + pod.pod.getMetadata().getNamespace() + "_" + pod.uid() + "_"
                + container.getName();
        Instant finished = exited.finishedAt().orElse(clock.now());
        if (exited.id().equals(pod.restartAllowed.get(container.getName()))) {
            return startAllowed(pod, container, exited, pulled);
        }
        if (crashes.inBackOffSince(key, finished)) {
            String delay = BackOff.go(crashes.get(key));
            events.event(pod.pod, EventRecorder.Type.Warning, "BackOff", "Back-off restarting failed container "
                    + container.getName() + " in pod " + pod.formatted());
            pod.waiting.put(container.getName(), new PodRecord.Waiting("CrashLoopBackOff", "back-off " + delay
                    + " restarting failed container=" + container.getName() + " pod=" + pod.formatted()));
            return Optional.of(finished.plus(crashes.get(key)));
        }
        crashes.next(key, finished);
        pod.restartAllowed.put(container.getName(), exited.id());
        return startAllowed(pod, container, exited, pulled);
    }

    /** The restart doBackOff let through; it stays let through until its image is there. */
    private Optional<Instant> startAllowed(PodRecord pod, Container container, CriContainer exited,
                                           WhenPulled pulled) {
        Optional<Instant> next = start(pod, container, exited.attempt() + 1, pulled);
        if (!pod.pulling) {
            pod.restartAllowed.remove(container.getName());
        }
        return next;
    }

    /** startContainer: the image by policy, then CreateContainer and StartContainer, with the kubelet's events. */
    private Optional<Instant> start(PodRecord pod, Container container, int attempt, WhenPulled pulled) {
        ImageManager.Outcome image = images.ensure(pod, container, () -> pulled.accept(pod));
        if (image instanceof ImageManager.Outcome.Pulling) {
            pod.pulling = true;
            return Optional.empty();
        }
        if (image instanceof ImageManager.Outcome.Failed failed) {
            events.event(pod.pod, EventRecorder.Type.Warning, "Failed", "Error: " + failed.reason());
            pod.waiting.put(container.getName(), new PodRecord.Waiting(failed.reason(), failed.message()));
            return failed.reason().equals("ImagePullBackOff") ? Optional.of(images.retryAt(pod, container.getImage()))
                    : Optional.empty();
        }
        pod.waiting.remove(container.getName());
        CriContainer created = runtime.createContainer(pod.sandbox.orElseThrow().id(), config(pod, container, attempt));
        pod.add(created);
        removeDeadAttempts(pod, container.getName());
        events.event(pod.pod, EventRecorder.Type.Normal, "Created", "Created container: " + container.getName());
        runtime.startContainer(created.id());
        if (created.message().isPresent()) {
            events.event(pod.pod, EventRecorder.Type.Warning, "Failed", "Error: " + created.message().get());
            return Optional.empty();
        }
        events.event(pod.pod, EventRecorder.Type.Normal, "Started", "Started container " + container.getName());
        probes.containerStarted(pod.pod, container.getName(), created.id());
        return Optional.empty();
    }

    /**
     * The container garbage collector's per-pod rule (MaxPerPodContainer 1): of a container's dead
     * attempts only the one before the latest stays, for lastState and logs --previous.
     */
    private void removeDeadAttempts(PodRecord pod, String name) {
        List<CriContainer> attempts = pod.attempts.get(name);
        while (attempts.size() > 2) {
            runtime.removeContainer(attempts.remove(0).id());
        }
    }

    /** generateContainerConfig: command and args, env, working dir and the memory limit. */
    private ContainerConfig config(PodRecord pod, Container container, int attempt) {
        List<String> env = container.getEnv().stream().map(var -> env(var, pod)).toList();
        Quantity memory = container.getResources() == null || container.getResources().getLimits() == null ? null
                : container.getResources().getLimits().get("memory");
        long limit = memory == null ? 0 : Quantity.getAmountInBytes(memory).longValue();
        return new ContainerConfig(container.getName(), attempt, container.getImage(), container.getCommand(),
                container.getArgs(), env, container.getWorkingDir() == null ? "" : container.getWorkingDir(), limit);
    }

    private String env(EnvVar var, PodRecord pod) {
        String value = var.getValue();
        if (value == null && var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
            value = downwardApi(pod, var.getValueFrom().getFieldRef().getFieldPath());
        }
        return var.getName() + "=" + (value == null ? "" : value);
    }

    /** The downward API's env fields (kubelet's podFieldSelectorRuntimeValue and fieldpath.ExtractFieldPathAsString). */
    private String downwardApi(PodRecord pod, String path) {
        io.fabric8.kubernetes.api.model.ObjectMeta meta = pod.pod.getMetadata();
        java.util.regex.Matcher keyed = java.util.regex.Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]").matcher(path);
        if (keyed.matches()) {
            java.util.Map<String, String> map = keyed.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
            return map == null ? "" : map.getOrDefault(keyed.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> meta.getName();
            case "metadata.namespace" -> meta.getNamespace();
            case "metadata.uid" -> meta.getUid();
            case "spec.nodeName" -> node.name();
            case "spec.serviceAccountName" -> pod.pod.getSpec().getServiceAccountName();
            case "status.hostIP", "status.hostIPs" -> node.internalIp();
            case "status.podIP", "status.podIPs" -> pod.ip;
            default -> "";
        };
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }

    /** kubelet's managed etc-hosts (ensureHostsFile): localhost, the IPv6 names, and the pod's own address. */
    private static String hosts(io.fabric8.kubernetes.api.model.Pod pod, String ip) {
        String hostname = pod.getSpec().getHostname() != null ? pod.getSpec().getHostname() : pod.getMetadata().getName();
        return "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
                + ip + "\t" + hostname + "\n";
    }
}
