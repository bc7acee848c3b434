package org.laymanlabs.sandbox.kube.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors client-go's rate-limited work queue (util/workqueue): keys, not events, are queued, so
 * a key added ten times is synced once; a key being synced is not handed out again until its
 * sync finished; a failed key comes back after an exponential delay (5 ms doubling to 1000 s,
 * client-go's default), and a success resets it. Workers run on the virtual clock.
 *
 * <p>A sync may finish later than it returns (it waits for API writes): it reports the outcome
 * through the {@link Done} it is given.
 */
public final class WorkQueue {

    private static final Duration BASE_DELAY = Duration.ofMillis(5);
    private static final Duration MAX_DELAY = Duration.ofSeconds(1000);

    /** How a sync ended: retry later, or done. */
    public interface Done {
        void success();

        void retry();

        /** Done for now, but look at the key again after {@code delay} (a level-driven re-check). */
        void requeueAfter(Duration delay);
    }

    /** One reconcile of one key. */
    public interface Sync extends java.io.Serializable {
        void sync(String key, Done done);
    }

    private final VirtualClock clock;
    private final Sync sync;
    private final Set<String> queue = new LinkedHashSet<>();
    private final Set<String> processing = new java.util.HashSet<>();
    private final Set<String> dirty = new java.util.HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private boolean scheduled;
    private boolean stopped;

    public WorkQueue(VirtualClock clock, Sync sync) {
        this.clock = clock;
        this.sync = sync;
    }

    public void add(String key) {
        if (stopped) {
            return;
        }
        if (processing.contains(key)) {
            dirty.add(key);
            return;
        }
        queue.add(key);
        if (!scheduled) {
            scheduled = true;
            clock.schedule(Duration.ZERO, this::drain);
        }
    }

    public void addAfter(String key, Duration delay) {
        clock.schedule(delay, () -> add(key));
    }

    /** Stops handing out keys, as when the controller manager loses its lease or its node stops. */
    public void stop() {
        stopped = true;
        queue.clear();
    }

    public void start() {
        stopped = false;
    }

    public boolean isIdle() {
        return queue.isEmpty() && processing.isEmpty();
    }

    private void drain() {
        scheduled = false;
        while (!queue.isEmpty() && !stopped) {
            String key = queue.iterator().next();
            queue.remove(key);
            processing.add(key);
            sync.sync(key, new Outcome(key));
        }
    }

    private final class Outcome implements Done {
        private final String key;
        private boolean finished;

        Outcome(String key) {
            this.key = key;
        }

        @Override
        public void success() {
            finish(k -> {
                failures.remove(k);
                return null;
            });
        }

        @Override
        public void retry() {
            finish(k -> {
                int n = failures.merge(k, 1, Integer::sum);
                return backoff(n);
            });
        }

        @Override
        public void requeueAfter(Duration delay) {
            finish(k -> {
                failures.remove(k);
                return delay;
            });
        }

        private void finish(Function<String, Duration> after) {
            if (finished) {
                return;
            }
            finished = true;
            processing.remove(key);
            Duration delay = after.apply(key);
            if (dirty.remove(key)) {
                add(key);
            }
            if (delay != null) {
                addAfter(key, delay);
            }
        }
    }

    static Duration backoff(int failures) {
        Duration delay = BASE_DELAY.multipliedBy(1L << Math.min(failures - 1, 30));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
