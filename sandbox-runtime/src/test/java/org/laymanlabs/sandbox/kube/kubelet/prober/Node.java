package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A node's worth of kubelet around a ProbeManager for tests: an API server for the events, a fake
 * target, and a listener that logs what it hears with the seconds since the target's origin.
 */
final class Node implements ProbeManager.Listener {

    static final String POD_IP = "10.244.1.5";

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    final ApiServer api;
    final FakeTarget target;
    final ProbeManager probes;
    final List<String> heard = new ArrayList<>();
    private int restarts;

    Node() {
        SplittableRandom random = new SplittableRandom(5);
        EtcdCluster etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()));
        target = new FakeTarget(clock);
        probes = new ProbeManager(clock, new SplittableRandom(42), target, new EventRecorder(api, "kubelet", "worker-1"), this);
    }

    /** The kubelet has been up for a while, so that its workers start without jitter. */
    Node upForAMinute() {
        clock.advance(Duration.ofMinutes(1));
        return this;
    }

    /** A pod "web" with one container "web" (port 8080, named http) shaped by {@code container}, stored in the API. */
    Pod pod(UnaryOperator<ContainerBuilder> container) {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withContainers(container.apply(new ContainerBuilder().withName("web").withImage("nginx:1.27")
                        .addNewPort().withName("http").withContainerPort(8080).endPort()).build())
                .endSpec().build();
        Pod stored = api.await(api.create(pod));
        return new PodBuilder(stored).editOrNewStatus().withPodIP(POD_IP).endStatus().build();
    }

    /** Starts the container now, and logs the target's calls from this instant on. */
    void start(Pod pod) {
        target.resetOrigin();
        probes.containerStarted(pod, "web", "containerd://c" + restarts);
    }

    /** What the kubelet does on livenessFailed: the container is killed and started again. */
    void restart(Pod pod) {
        probes.containerStopped(uid(pod), "web");
        restarts++;
        probes.containerStarted(pod, "web", "containerd://c" + restarts);
    }

    void run(Duration duration) {
        clock.advance(duration);
    }

    void runSeconds(long seconds) {
        run(Duration.ofSeconds(seconds));
    }

    /**
     * The pod's events as describe lists them: "Warning  Unhealthy  (x2)  Readiness probe failed: …",
     * after the 100 ms that the recorder's last writes need to be committed.
     */
    List<String> events() {
        run(Duration.ofMillis(100));
        return api.list(Event.class, "default").stream().sorted(Comparator.comparing(Event::getFirstTimestamp)
                        .thenComparing(e -> e.getMetadata().getName()))
                .map(e -> e.getType() + "  " + e.getReason() + "  (x" + e.getCount() + ")  " + e.getMessage()).toList();
    }

    static String uid(Pod pod) {
        return pod.getMetadata().getUid();
    }

    static Probe http(String path, int periodSeconds) {
        return new io.fabric8.kubernetes.api.model.ProbeBuilder().withNewHttpGet().withPath(path)
                .withNewPort(8080).endHttpGet().withPeriodSeconds(periodSeconds).build();
    }

    @Override
    public void probeResultChanged(String podUid, String containerName) {
        heard.add(seconds() + " changed " + containerName + " started=" + probes.started(podUid, containerName)
                + " ready=" + probes.ready(podUid, containerName));
    }

    @Override
    public void livenessFailed(String podUid, String containerName, String containerId, String message) {
        heard.add(seconds() + " failed " + containerId + ": " + message);
    }

    private String seconds() {
        return target.seconds();
    }
}
