package org.laymanlabs.sandbox.kube.kubelet.prober;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors kubernetes pkg/kubelet/prober/results/results_manager.go: the latest result of one kind
 * of probe for each container, by container ID. Setting a result reports whether it changed, which
 * is when the real manager sends an update to the kubelet's sync loop.
 */
final class Results {

    /** results.Result. */
    enum Result { UNKNOWN, SUCCESS, FAILURE }

    private final Map<String, Result> cache = new HashMap<>();

    Optional<Result> get(String containerId) {
        return Optional.ofNullable(cache.get(containerId));
    }

    /** True when the container had no result or another one: an update the kubelet acts on. */
    boolean set(String containerId, Result result) {
        return cache.put(containerId, result) != result;
    }

    void remove(String containerId) {
        cache.remove(containerId);
    }
}
