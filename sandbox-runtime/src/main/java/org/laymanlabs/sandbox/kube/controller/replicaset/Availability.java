package org.laymanlabs.sandbox.kube.controller.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.PodStatuses;

/**
 * Mirrors podutil.IsPodAvailable: a pod counts as available once it has been Ready for
 * minReadySeconds, which is what makes a rolling update wait that long before going on.
 */
final class Availability {

    private Availability() {
    }

    static boolean isAvailable(Pod pod, Duration minReady, Instant now) {
        if (!PodStatuses.isReady(pod)) {
            return false;
        }
        return minReady.isZero() || readySince(pod).map(since -> !since.plus(minReady).isAfter(now)).orElse(false);
    }

    /** When the next ready pod becomes available, so the sync can look again then (the real one requeues after minReadySeconds). */
    static Optional<Duration> nextChange(List<Pod> pods, Duration minReady, Instant now) {
        if (minReady.isZero()) {
            return Optional.empty();
        }
        return pods.stream().filter(PodStatuses::isReady).filter(p -> !isAvailable(p, minReady, now))
                .map(p -> readySince(p).map(since -> Duration.between(now, since.plus(minReady))).orElse(minReady))
                .min(Duration::compareTo).map(d -> d.isNegative() ? Duration.ZERO : d.plusMillis(1));
    }

    private static Optional<Instant> readySince(Pod pod) {
        return PodStatuses.condition(pod, "Ready").map(c -> c.getLastTransitionTime()).filter(t -> t != null).map(Instant::parse);
    }
}
