package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.cri.PodSandbox;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * What one pod worker knows of its pod (pkg/kubelet/pod_workers.go podSyncStatus, with the
 * runtime's view kuberuntime keeps per pod): the latest spec, its sandbox, every attempt of each
 * container, why a container waits, and the timer of its next sync.
 */
final class PodRecord {

    /** Why a container is not running: ContainerCreating, ErrImagePull, CrashLoopBackOff… */
    record Waiting(String reason, String message) { }

    Pod pod;
    Optional<PodSandbox> sandbox = Optional.empty();
    String ip;
    Instant startTime;
    final Map<String, List<CriContainer>> attempts = new HashMap<>();
    final Map<String, Waiting> waiting = new HashMap<>();
    /** A pull of one of its images is under way: the worker is busy until it ends. */
    boolean pulling;
    /**
     * Per container, the exited attempt whose restart has passed doBackOff but waits on a pull. The
     * real kubelet pulls inside startContainer, in the same SyncPod that called backOff.Next; ours
     * resumes after the pull, and must not count that one restart against the back-off again.
     */
    final Map<String, String> restartAllowed = new HashMap<>();
    boolean killing;
    /** Deleted from the API without a grace period: nothing is left to delete there. */
    boolean gone;
    boolean terminal;
    VirtualClock.Timer resync;

    PodRecord(Pod pod) {
        this.pod = pod;
    }

    String uid() {
        return pod.getMetadata().getUid();
    }

    /** kubelet's format.Pod: name_namespace(uid). */
    String formatted() {
        return pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + uid() + ")";
    }

    Optional<CriContainer> latest(String container) {
        List<CriContainer> all = attempts.getOrDefault(container, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The attempt before the latest, for lastState and logs --previous. */
    Optional<CriContainer> previous(String container) {
        List<CriContainer> all = attempts.getOrDefault(container, List.of());
        return all.size() < 2 ? Optional.empty() : Optional.of(all.get(all.size() - 2));
    }

    /**
     * The container kubectl logs --previous reads: the one before the latest, or the latest itself
     * when it has exited and waits to be restarted (the kubelet's "last terminated" container).
     */
    Optional<CriContainer> previousForLogs(String container) {
        Optional<CriContainer> latest = latest(container);
        if (latest.isPresent() && latest.get().state() == CriContainer.State.CONTAINER_EXITED && waiting.containsKey(container)) {
            return latest;
        }
        return previous(container);
    }

    void add(CriContainer container) {
        attempts.computeIfAbsent(container.name(), n -> new ArrayList<>()).add(container);
    }

    List<CriContainer> all() {
        return attempts.values().stream().flatMap(List::stream).toList();
    }
}
