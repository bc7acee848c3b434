package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * kube-apiserver's --event-ttl (1 h by default): a real cluster writes Events under an etcd lease
 * that expires them. The sandbox's etcd has no leases, so a sweep every minute deletes the Events
 * whose last occurrence is older than the TTL; a long session keeps a bounded history.
 */
final class EventExpiry {

    static final Duration TTL = Duration.ofHours(1);
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final ApiServer api;
    private final VirtualClock clock;

    EventExpiry(ApiServer api, VirtualClock clock) {
        this.api = api;
        this.clock = clock;
    }

    void start() {
        clock.schedule(SWEEP, this::sweep);
    }

    private void sweep() {
        Instant oldest = clock.now().minus(TTL);
        for (Event event : api.list(Event.class, "")) {
            String last = event.getLastTimestamp() != null ? event.getLastTimestamp() : event.getMetadata().getCreationTimestamp();
            if (last != null && Instant.parse(last).isBefore(oldest)) {
                api.delete(ApiResources.EVENTS, event.getMetadata().getNamespace(), event.getMetadata().getName(),
                        DeletionPropagation.BACKGROUND, null);
            }
        }
        clock.schedule(SWEEP, this::sweep);
    }
}
