package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors k8s.io/apiserver/pkg/storage/cacher (watch_cache.go, 1.32): one resource's objects as
 * etcd last reported them, a ring of recent events so a watch can start from a slightly older
 * resourceVersion, and the watchers it fans each event out to. Reads never touch etcd. The ring
 * grows while its oldest event is younger than eventFreshDuration and shrinks when even its newest
 * quarter is older; a watch from before its oldest event gets 410 Gone, and the client relists.
 */
final class WatchCache {

    static final int LOWER_BOUND_CAPACITY = 100;
    static final int UPPER_BOUND_CAPACITY = 100 * 1024;
    /** DefaultEventFreshDuration: how long an event must stay to serve a watch that restarts. */
    static final Duration EVENT_FRESH_DURATION = Duration.ofSeconds(75);
    /**
     * The resourceVersion of the cacher's initial list: the sandbox's cache starts with etcd, whose
     * first revision is 1, so until the ring drops an event every resourceVersion can be served.
     */
    private static final long LIST_RESOURCE_VERSION = 1;

    /** One event of the ring and when the cache recorded it (watchCacheEvent.RecordTime). */
    private record Recorded(WatchEvent event, long atMillis) {
    }

    private final ResourceType type;
    private final VirtualClock clock;
    private final TreeMap<String, HasMetadata> objects = new TreeMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    /** The ring: event i (startIndex <= i < endIndex) is at i % capacity. */
    private Recorded[] ring = new Recorded[LOWER_BOUND_CAPACITY];
    private long startIndex;
    private long endIndex;
    private boolean removedEventSinceRelist;

    WatchCache(ResourceType type, VirtualClock clock) {
        this.type = type;
        this.clock = clock;
    }

    /** Which objects a watcher receives; kept with it, so serializable. */
    interface Filter extends Predicate<HasMetadata>, java.io.Serializable {
    }

    /** A watcher with its filter; it stops receiving when cancelled. */
    final class Watcher implements ApiWatch {
        private final Filter filter;
        private final ApiWatch.Listener listener;
        private boolean cancelled;

        Watcher(Filter filter, ApiWatch.Listener listener) {
            this.filter = filter;
            this.listener = listener;
        }

        @Override
        public void cancel() {
            cancelled = true;
            watchers.remove(this);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        void offer(WatchEvent event) {
            if (!cancelled && filter.test(event.object())) {
                listener.accept(event);
            }
        }
    }

    void apply(String key, WatchEvent event) {
        if (event.type() == WatchEvent.Type.DELETED) {
            objects.remove(key);
        } else {
            objects.put(key, event.object());
        }
        updateCache(event);
        for (Watcher watcher : List.copyOf(watchers)) {
            watcher.offer(event);
        }
    }

    private void updateCache(WatchEvent event) {
        long now = clock.now().toEpochMilli();
        resizeCache(now);
        if (isCacheFull()) {
            ring[(int) (startIndex % ring.length)] = null;
            startIndex++;
            removedEventSinceRelist = true;
        }
        ring[(int) (endIndex % ring.length)] = new Recorded(event, now);
        endIndex++;
    }

    private boolean isCacheFull() {
        return endIndex == startIndex + ring.length;
    }

    /** resizeCacheLocked: double while the oldest event is fresh, halve when even the newest quarter is stale. */
    private void resizeCache(long now) {
        long fresh = EVENT_FRESH_DURATION.toMillis();
        if (isCacheFull() && now - at(startIndex).atMillis() < fresh) {
            int capacity = Math.min(ring.length * 2, UPPER_BOUND_CAPACITY);
            if (capacity > ring.length) {
                resizeTo(capacity);
            }
            return;
        }
        if (isCacheFull() && now - at(endIndex - ring.length / 4).atMillis() > fresh) {
            int capacity = Math.max(ring.length / 2, LOWER_BOUND_CAPACITY);
            if (capacity < ring.length) {
                resizeTo(capacity);
            }
        }
    }

    private void resizeTo(int capacity) {
        Recorded[] resized = new Recorded[capacity];
        if (capacity < ring.length) {
            startIndex = endIndex - capacity;
            // Upstream drops these silently; marking them keeps a watch from before them from missing them.
            removedEventSinceRelist = true;
        }
        for (long i = startIndex; i < endIndex; i++) {
            resized[(int) (i % capacity)] = at(i);
        }
        ring = resized;
    }

    private Recorded at(long index) {
        return ring[(int) (index % ring.length)];
    }

    /** How many events the ring holds now, and how many it can. */
    int eventCount() {
        return (int) (endIndex - startIndex);
    }

    int capacity() {
        return ring.length;
    }

    Optional<HasMetadata> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Objects whose keys start with {@code prefix}, in key order (namespace, then name), as etcd lists them. */
    Collection<HasMetadata> list(String prefix) {
        Map<String, HasMetadata> range = objects.subMap(prefix, prefix + Character.MAX_VALUE);
        return range.values();
    }

    int size() {
        return objects.size();
    }

    /**
     * Starts a watch after {@code revision}: the events since then are replayed first. A revision
     * older than the ring's oldest event is refused as getAllEventsSinceLocked refuses it.
     */
    ApiWatch watch(long revision, Filter filter, ApiWatch.Listener listener) {
        long oldest = removedEventSinceRelist ? at(startIndex).event().revision() : LIST_RESOURCE_VERSION + 1;
        if (revision > 0 && revision < oldest - 1) {
            throw new ApiException(ApiException.Reason.GONE,
                    "too old resource version: " + revision + " (" + (oldest - 1) + ")");
        }
        Watcher watcher = new Watcher(filter, listener);
        if (revision > 0) {
            List<WatchEvent> past = new ArrayList<>();
            for (long i = startIndex; i < endIndex; i++) {
                past.add(at(i).event());
            }
            for (WatchEvent event : past) {
                if (event.revision() > revision) {
                    watcher.offer(event);
                }
            }
        }
        watchers.add(watcher);
        return watcher;
    }

    ResourceType type() {
        return type;
    }
}
