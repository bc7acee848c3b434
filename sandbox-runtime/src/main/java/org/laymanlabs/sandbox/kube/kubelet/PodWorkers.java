package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.cri.Containerd;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeManager;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/kubelet/pod_workers.go with the status manager: one worker per pod, woken by the
 * API's watch, by containerd's exit events (the PLEG), by a finished pull, a probe's verdict or a
 * back-off's end. Each wake runs {@link SyncPod}, then posts the status if it changed. A pod
 * marked for deletion is killed gracefully (stop signal, then SIGKILL after its grace period),
 * its sandbox removed, and then it is deleted from the API for good.
 */
final class PodWorkers {

    /** How soon a worker looks again after a failed pull or status write (the PLEG's relist period). */
    private static final Duration RELIST = Duration.ofSeconds(1);

    private final ApiServer api;
    private final NodeConfig node;
    private final VirtualClock clock;
    private final EventRecorder events;
    private final Containerd runtime;
    private final ProbeManager probes;
    private final HostLocalIpam ipam;
    private final SyncPod syncPod;
    private final Map<String, PodRecord> pods = new LinkedHashMap<>();
    private boolean stopped;

    PodWorkers(ApiServer api, NodeConfig node, EventRecorder events, Containerd runtime, ProbeManager probes) {
        this.api = api;
        this.node = node;
        this.clock = api.clock();
        this.events = events;
        this.runtime = runtime;
        this.probes = probes;
        this.ipam = new HostLocalIpam(node.podCidr());
        this.syncPod = new SyncPod(clock, node, runtime, new ImageManager(clock, runtime.images(), events), events, probes, ipam);
        runtime.onExit(this::exited);
    }

    /** UpdatePod: the API has a new version of a pod bound here. */
    void update(Pod pod) {
        stopped = false;
        PodRecord known = pods.get(pod.getMetadata().getUid());
        if (known != null && !differ(known.pod, pod)) {
            // config.go podsDifferSemantically: a status write (most often the kubelet's own) wakes no worker.
            known.pod = pod;
            return;
        }
        PodRecord record = pods.computeIfAbsent(pod.getMetadata().getUid(), uid -> new PodRecord(pod));
        record.pod = pod;
        wake(record, Duration.ZERO);
    }

    private static boolean differ(Pod a, Pod b) {
        return !java.util.Objects.equals(a.getSpec(), b.getSpec())
                || !java.util.Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
                || !java.util.Objects.equals(a.getMetadata().getAnnotations(), b.getMetadata().getAnnotations())
                || !java.util.Objects.equals(a.getMetadata().getDeletionTimestamp(), b.getMetadata().getDeletionTimestamp());
    }

    /** The pod is gone from the API (a forced delete): its containers are killed at once. */
    void removed(Pod pod) {
        PodRecord record = pods.get(pod.getMetadata().getUid());
        if (record != null) {
            record.gone = true;
            wake(record, Duration.ZERO);
        }
    }

    Optional<PodRecord> find(String podUid) {
        return Optional.ofNullable(pods.get(podUid));
    }

    /** The node went dark: nothing more happens to its pods, which keep running as they were. */
    void stop() {
        stopped = true;
        pods.values().forEach(p -> {
            if (p.resync != null) {
                p.resync.cancel();
            }
        });
    }

    /** A probe's verdict changed, or a container must restart: sync its pod. */
    void wake(String podUid) {
        find(podUid).ifPresent(p -> wake(p, Duration.ZERO));
    }

    /** The prober gave up on a container: it is killed with the pod's grace period, and restarts as its policy says. */
    void livenessFailed(String podUid, String containerId, String message) {
        find(podUid).ifPresent(pod -> runtime.find(containerId).ifPresent(c -> {
            events.event(pod.pod, EventRecorder.Type.Normal, "Killing", message);
            long grace = Optional.ofNullable(pod.pod.getSpec().getTerminationGracePeriodSeconds()).orElse(30L);
            runtime.stopContainer(containerId, Duration.ofSeconds(grace));
        }));
    }

    private void exited(CriContainer container) {
        pods.values().stream().filter(p -> p.sandbox.filter(s -> s.id().equals(container.sandboxId())).isPresent())
                .findFirst().ifPresent(p -> {
                    probes.containerStopped(p.uid(), container.name());
                    wake(p, Duration.ZERO);
                });
    }

    private void wake(PodRecord pod, Duration delay) {
        if (stopped) {
            return;
        }
        Instant due = clock.now().plus(delay);
        if (pod.resync != null && !pod.resync.due().isAfter(due)) {
            return;
        }
        if (pod.resync != null) {
            pod.resync.cancel();
        }
        pod.resync = clock.schedule(delay, () -> {
            pod.resync = null;
            sync(pod);
        });
    }

    private void sync(PodRecord pod) {
        if (stopped || !pods.containsKey(pod.uid())) {
            return;
        }
        if (pod.gone || pod.pod.getMetadata().getDeletionTimestamp() != null) {
            terminate(pod);
            return;
        }
        if (pod.terminal) {
            return;
        }
        Optional<Instant> next = syncPod.run(pod, this::pulled);
        PodStatus status = postStatus(pod);
        if (status != null && (status.getPhase().equals("Succeeded") || status.getPhase().equals("Failed"))) {
            // A pod that is done keeps its status and IP, but its sandbox stops.
            pod.terminal = true;
            probes.removePod(pod.uid());
            pod.sandbox.ifPresent(s -> runtime.stopPodSandbox(s.id()));
            return;
        }
        next.ifPresent(at -> wake(pod, at.isAfter(clock.now()) ? Duration.between(clock.now(), at) : Duration.ZERO));
    }

    /** A pull ended. A failure shows as ErrImagePull until the next look, a second later, finds it backing off. */
    private void pulled(PodRecord pod) {
        pod.pulling = false;
        boolean failed = pod.waiting.values().stream().anyMatch(w -> w.reason().equals("ErrImagePull"));
        if (failed) {
            events.event(pod.pod, EventRecorder.Type.Warning, "Failed", "Error: ErrImagePull");
            postStatus(pod);
            wake(pod, RELIST);
        } else {
            wake(pod, Duration.ZERO);
        }
    }

    /** killPod: each running container gets its stop signal and the pod's grace period; then the sandbox goes. */
    private void terminate(PodRecord pod) {
        if (!pod.killing) {
            pod.killing = true;
            long grace = pod.gone ? 0 : Optional.ofNullable(pod.pod.getMetadata().getDeletionGracePeriodSeconds())
                    .or(() -> Optional.ofNullable(pod.pod.getSpec().getTerminationGracePeriodSeconds())).orElse(30L);
            for (CriContainer c : pod.all()) {
                if (c.state() == CriContainer.State.CONTAINER_RUNNING) {
                    events.event(pod.pod, EventRecorder.Type.Normal, "Killing", "Stopping container " + c.name());
                    runtime.stopContainer(c.id(), Duration.ofSeconds(grace));
                }
            }
            wake(pod, Duration.ofSeconds(grace));
        }
        if (pod.all().stream().anyMatch(c -> c.state() == CriContainer.State.CONTAINER_RUNNING)) {
            return;
        }
        probes.removePod(pod.uid());
        pod.sandbox.ifPresent(s -> runtime.removePodSandbox(s.id()));
        ipam.release(pod.uid());
        pods.remove(pod.uid());
        if (!pod.gone) {
            api.delete(ApiResources.PODS, pod.pod.getMetadata().getNamespace(), pod.pod.getMetadata().getName(),
                    DeletionPropagation.BACKGROUND, 0L);
        }
    }

    /** The status manager: the status the runtime gives now, written if it differs from the API's. */
    private PodStatus postStatus(PodRecord pod) {
        Pod current = api.get(Pod.class, pod.pod.getMetadata().getNamespace(), pod.pod.getMetadata().getName())
                .filter(p -> p.getMetadata().getUid().equals(pod.uid())).orElse(null);
        if (current == null) {
            return null;
        }
        PodStatus status = PodStatuses.build(pod, probes, node.internalIp(), clock.now(), current.getStatus());
        if (!status.equals(current.getStatus())) {
            // The status subresource reads only the pod's name, namespace and resourceVersion besides its
            // status, so the cached pod's metadata and spec go along as they are instead of a deep copy.
            Pod update = new Pod(current.getApiVersion(), current.getKind(), current.getMetadata(), current.getSpec(), status);
            api.updateStatus(update).whenComplete((ok, failure) -> {
                if (failure != null) {
                    wake(pod, RELIST);
                }
            });
        }
        return status;
    }
}
