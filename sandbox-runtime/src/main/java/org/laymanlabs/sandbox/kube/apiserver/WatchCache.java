package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors k8s.io/apiserver/pkg/storage/cacher: one resource's objects as etcd last reported them,
 * a bounded history of recent events so a watch can start from a slightly older
 * resourceVersion, and the watchers it fans each event out to. Reads never touch etcd.
 */
final class WatchCache {

    /** The cacher's default history; older starting points get 410 Gone, and the client relists. */
    static final int HISTORY = 1000;

    private final ResourceType type;
    private final TreeMap<String, HasMetadata> objects = new TreeMap<>();
    private final Deque<WatchEvent> history = new ArrayDeque<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private long oldestRevision;

    WatchCache(ResourceType type) {
        this.type = type;
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
        history.addLast(event);
        if (history.size() > HISTORY) {
            oldestRevision = history.removeFirst().revision();
        }
        for (Watcher watcher : List.copyOf(watchers)) {
            watcher.offer(event);
        }
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
     * older than the kept history is refused as kube-apiserver refuses it.
     */
    ApiWatch watch(long revision, Filter filter, ApiWatch.Listener listener) {
        if (revision > 0 && revision < oldestRevision) {
            throw new ApiException(ApiException.Reason.GONE,
                    "too old resource version: " + revision + " (" + (oldestRevision + 1) + ")");
        }
        Watcher watcher = new Watcher(filter, listener);
        if (revision > 0) {
            for (WatchEvent past : List.copyOf(history)) {
                if (past.revision() > revision) {
                    watcher.offer(past);
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
