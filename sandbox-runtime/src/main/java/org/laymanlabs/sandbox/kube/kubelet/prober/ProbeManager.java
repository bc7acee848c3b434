package org.laymanlabs.sandbox.kube.kubelet.prober;

import java.util.HashSet;
import java.util.Set;

/**
 * Stand-in for pkg/kubelet/prober's manager until the prober branch lands: it has the contract's
 * signatures, reports a container ready and started as soon as it started, and never probes.
 */
public final class ProbeManager {

    private final Set<String> started = new HashSet<>();

    /** Probing runs on the clock's timers; events go through the recorder. */
    public ProbeManager(org.laymanlabs.sandbox.time.VirtualClock clock, ProbeTarget target,
                        org.laymanlabs.sandbox.kube.client.EventRecorder events, Listener listener) {
    }

    /** A container (re)started. */
    public void containerStarted(io.fabric8.kubernetes.api.model.Pod pod, String containerName, String containerId) {
        started.add(pod.getMetadata().getUid() + "/" + containerName);
    }

    /** The container stopped or is being restarted. */
    public void containerStopped(String podUid, String containerName) {
        started.remove(podUid + "/" + containerName);
    }

    /** The pod is gone. */
    public void removePod(String podUid) {
        started.removeIf(key -> key.startsWith(podUid + "/"));
    }

    /** Readiness for status: here, whether it started. */
    public boolean ready(String podUid, String containerName) {
        return started.contains(podUid + "/" + containerName);
    }

    /** Whether the startup probe has succeeded: here, whether it started. */
    public boolean started(String podUid, String containerName) {
        return started.contains(podUid + "/" + containerName);
    }

    /** Stops every worker (the node stopped). */
    public void stop() {
        started.clear();
    }

    /** What the kubelet hears from its probes. */
    public interface Listener {
        /** ready() or started() changed for this container. */
        void probeResultChanged(String podUid, String containerName);

        /** Liveness (or startup) failed failureThreshold times. */
        void livenessFailed(String podUid, String containerName, String containerId, String message);
    }
}
