package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kubernetes pkg/kubelet/prober/prober_manager.go: a worker per probe of each started
 * container, the cached results, and what the kubelet reads from them (started, ready). A worker
 * lives as long as its pod, across container restarts, as the real one does from AddPod to
 * RemovePod. When a worker's result changes the kubelet syncs the pod, and that sync
 * (UpdatePodStatus) re-runs at once a readiness probe that has not succeeded; this manager does
 * the same. The listener hears only what the probes change on their own timers: after calling
 * containerStarted or containerStopped the kubelet reads ready() and started() itself.
 */
public final class ProbeManager {

    /** The seed of the contract constructor's own source, for callers that have no stream to give. */
    static final long DEFAULT_SEED = 0x6B756265L;

    private final VirtualClock clock;
    private final RandomGenerator random;
    private final Prober prober;
    private final Listener listener;
    /** When the kubelet started: workers created within a period of it start at a random point of their period. */
    private final Instant start;
    private final Map<ProbeKey, Worker> workers = new LinkedHashMap<>();
    private final Map<ContainerKey, Running> containers = new HashMap<>();
    private final Map<ProbeType, Results> results = new EnumMap<>(ProbeType.class);
    private final Set<String> podsToSync = new HashSet<>();

    /** Probing runs on the clock's timers; events go through the recorder ("Unhealthy" events,
     *  with the real kubelet's messages such as
     *  "Readiness probe failed: HTTP probe failed with statuscode: 503"). */
    public ProbeManager(VirtualClock clock, ProbeTarget target, EventRecorder events, Listener listener) {
        this(clock, new SplittableRandom(DEFAULT_SEED), target, events, listener);
    }

    /** @param random the sandbox's seeded source, for the workers' start jitter */
    public ProbeManager(VirtualClock clock, RandomGenerator random, ProbeTarget target, EventRecorder events, Listener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.prober = new Prober(Objects.requireNonNull(target, "target"), Objects.requireNonNull(events, "events"));
        this.listener = Objects.requireNonNull(listener, "listener");
        this.start = clock.now();
        for (ProbeType type : ProbeType.values()) {
            results.put(type, new Results());
        }
    }

    /** A container (re)started: start its startup, readiness and liveness workers per its spec
     *  (startup first; liveness and readiness only once startup has succeeded). */
    public void containerStarted(Pod pod, String containerName, String containerId) {
        String uid = pod.getMetadata().getUid();
        containers.put(new ContainerKey(uid, containerName), new Running(containerId, clock.now(), true, pod));
        // PLEG's ContainerStarted event makes the kubelet sync the pod, which wakes the workers it
        // already has; a worker created now (AddPod) makes its first run on its own.
        syncPod(uid);
        containerSpec(pod, containerName).ifPresent(container -> {
            addWorker(uid, container, ProbeType.STARTUP, container.getStartupProbe());
            addWorker(uid, container, ProbeType.READINESS, container.getReadinessProbe());
            addWorker(uid, container, ProbeType.LIVENESS, container.getLivenessProbe());
        });
    }

    /** The container stopped or is being restarted: its workers stop and its results reset.
     *  (The workers stop probing but keep their ticks, as the real ones do, and take up the next
     *  container of that name at their next tick; removePod ends them.) */
    public void containerStopped(String podUid, String containerName) {
        ContainerKey key = new ContainerKey(podUid, containerName);
        Running running = containers.get(key);
        if (running != null) {
            containers.put(key, new Running(running.id(), running.startedAt(), false, running.pod()));
            results.values().forEach(r -> r.remove(running.id()));
        }
    }

    /** The pod is gone: every worker of it stops. */
    public void removePod(String podUid) {
        List<ProbeKey> gone = workers.keySet().stream().filter(k -> k.podUid().equals(podUid)).toList();
        gone.forEach(k -> workers.remove(k).stop());
        containers.keySet().removeIf(k -> k.podUid().equals(podUid));
    }

    /** Readiness for status: true once a readiness probe succeeded (successThreshold), or once
     *  started when the container has no readiness probe. False before the container started. */
    public boolean ready(String podUid, String containerName) {
        Optional<Running> running = running(podUid, containerName).filter(Running::running);
        if (running.isEmpty() || !started(podUid, containerName)) {
            return false;
        }
        Optional<Results.Result> result = results.get(ProbeType.READINESS).get(running.get().id());
        if (result.isPresent() && result.get() == Results.Result.SUCCESS) {
            return true;
        }
        return !workers.containsKey(new ProbeKey(podUid, containerName, ProbeType.READINESS));
    }

    /** Whether the startup probe has succeeded (true when there is none and it started). */
    public boolean started(String podUid, String containerName) {
        Optional<Running> running = running(podUid, containerName).filter(Running::running);
        if (running.isEmpty()) {
            return false;
        }
        Optional<Results.Result> result = results.get(ProbeType.STARTUP).get(running.get().id());
        if (result.isPresent()) {
            return result.get() == Results.Result.SUCCESS;
        }
        return !workers.containsKey(new ProbeKey(podUid, containerName, ProbeType.STARTUP));
    }

    /** Stops every worker (the node stopped). */
    public void stop() {
        workers.values().forEach(Worker::stop);
        workers.clear();
    }

    public interface Listener {
        /** ready() or started() changed for this container: the kubelet updates the pod's status. */
        void probeResultChanged(String podUid, String containerName);
        /** Liveness (or startup) failed failureThreshold times: the kubelet kills the container and
         *  restarts it per the restart policy; message is the kubelet's, e.g.
         *  "Container web failed liveness probe, will be restarted". */
        void livenessFailed(String podUid, String containerName, String containerId, String message);
    }

    /** A container as the kubelet last reported it. */
    record Running(String id, Instant startedAt, boolean running, Pod pod) {
    }

    /** What the listener is told about when it changes. */
    record Status(boolean started, boolean ready) {
    }

    private record ProbeKey(String podUid, String containerName, ProbeType type) {
    }

    private record ContainerKey(String podUid, String containerName) {
    }

    Prober prober() {
        return prober;
    }

    Optional<Running> running(String podUid, String containerName) {
        return Optional.ofNullable(containers.get(new ContainerKey(podUid, containerName)));
    }

    Status status(String podUid, String containerName) {
        return new Status(started(podUid, containerName), ready(podUid, containerName));
    }

    /** A worker's turn is over: tell the kubelet if what it reports changed. */
    void probed(String podUid, String containerName, Status before) {
        if (!status(podUid, containerName).equals(before)) {
            listener.probeResultChanged(podUid, containerName);
        }
    }

    /** kuberuntime_manager computePodActions: the kill message for a failed liveness or startup probe. */
    void containerFailed(Pod pod, String containerName, String containerId, ProbeType type) {
        String message = "Container " + containerName + " failed " + type.words().toLowerCase() + " probe";
        if (!"Never".equals(pod.getSpec().getRestartPolicy())) {
            message += ", will be restarted";
        }
        listener.livenessFailed(pod.getMetadata().getUid(), containerName, containerId, message);
    }

    /** A result changed: the kubelet's sync loop syncs the pod once the worker's turn is over. */
    void resultUpdated(String podUid) {
        if (podsToSync.add(podUid)) {
            clock.schedule(Duration.ZERO, () -> {
                podsToSync.remove(podUid);
                syncPod(podUid);
            });
        }
    }

    void removeWorker(String podUid, Worker worker) {
        workers.remove(new ProbeKey(podUid, worker.containerName(), worker.type()), worker);
        worker.stop();
    }

    /** UpdatePodStatus: a started, running container whose readiness has not succeeded is probed again at once. */
    private void syncPod(String podUid) {
        List<Worker> readiness = new ArrayList<>();
        workers.forEach((key, worker) -> {
            if (key.podUid().equals(podUid) && key.type() == ProbeType.READINESS && started(podUid, key.containerName())
                    && !ready(podUid, key.containerName())) {
                readiness.add(worker);
            }
        });
        readiness.forEach(Worker::trigger);
    }

    private void addWorker(String podUid, Container container, ProbeType type, Probe probe) {
        ProbeKey key = new ProbeKey(podUid, container.getName(), type);
        if (probe == null || workers.containsKey(key)) {
            return;
        }
        ProbeSpec spec = ProbeSpec.of(probe);
        Worker worker = new Worker(this, clock, type, podUid, container, spec, results.get(type));
        workers.put(key, worker);
        // If the kubelet restarted, probes could start in rapid succession: wait a random part of the period.
        Duration sinceStart = Duration.between(start, clock.now());
        Duration jitter = spec.period().compareTo(sinceStart) > 0
                ? Duration.ofNanos((long) (random.nextDouble() * spec.period().toNanos())) : Duration.ZERO;
        worker.start(jitter);
    }

    private static Optional<Container> containerSpec(Pod pod, String name) {
        var spec = pod.getSpec();
        Stream<Container> sidecars = spec.getInitContainers() == null ? Stream.empty()
                : spec.getInitContainers().stream().filter(c -> "Always".equals(c.getRestartPolicy()));
        return Stream.concat(spec.getContainers().stream(), sidecars).filter(c -> name.equals(c.getName())).findFirst();
    }
}
