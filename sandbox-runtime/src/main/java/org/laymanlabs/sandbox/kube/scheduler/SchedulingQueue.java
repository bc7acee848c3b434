package org.laymanlabs.sandbox.kube.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kube-scheduler's internal/queue (scheduling_queue.go, PriorityQueue): pending pods
 * wait in activeQ (higher priority first, then first come), a pod that failed waits out its
 * backoff in backoffQ (1 s doubling to 10 s), and a pod no node fits waits in
 * unschedulablePods until a cluster event that could help it (a node added, a taint removed, a
 * pod deleted) moves it back, or for at most 5 minutes. Leftovers are checked every 30 s and
 * backoffQ every second, as the real queue's goroutines do.
 */
final class SchedulingQueue {

    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_IN_UNSCHEDULABLE = Duration.ofMinutes(5);
    private static final Duration BACKOFF_FLUSH = Duration.ofSeconds(1);
    private static final Duration UNSCHEDULABLE_FLUSH = Duration.ofSeconds(30);

    /** The cluster events the default plugins register for (EventsToRegister), coarsely. */
    enum ClusterEvent { NODE_ADD, NODE_TAINT, NODE_LABEL, NODE_ALLOCATABLE, ASSIGNED_POD_DELETE }

    private static final Map<String, Set<ClusterEvent>> INTERESTS = Map.of(
            NodeUnschedulable.NAME, Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_TAINT),
            NodeName.NAME, Set.of(ClusterEvent.NODE_ADD),
            TaintToleration.NAME, Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_TAINT),
            NodeAffinity.NAME, Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_LABEL),
            NodePorts.NAME, Set.of(ClusterEvent.NODE_ADD, ClusterEvent.ASSIGNED_POD_DELETE),
            NodeResourcesFit.NAME, Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_ALLOCATABLE, ClusterEvent.ASSIGNED_POD_DELETE));

    /** Mirrors framework.QueuedPodInfo. */
    static final class QueuedPod {
        PodInfo pod;
        Instant timestamp;
        int attempts;
        Set<String> unschedulablePlugins = Set.of();
        Instant backoffExpiry = Instant.MIN;
        final long order;

        QueuedPod(PodInfo pod, Instant timestamp, long order) {
            this.pod = pod;
            this.timestamp = timestamp;
            this.order = order;
        }
    }

    /** Told when a pod becomes poppable, so the scheduling loop can wake up; kept, so serializable. */
    interface OnActive extends Runnable, java.io.Serializable {
    }

    /**
     * activeQ's order, the default profile's QueueSort (PrioritySort.Less): higher priority first,
     * then the earlier timestamp; arrival breaks what is left of a tie, as the heap would by chance.
     */
    private static final class ActiveOrder implements Comparator<QueuedPod>, java.io.Serializable {
        @Override
        public int compare(QueuedPod a, QueuedPod b) {
            int byPriority = Integer.compare(-a.pod.priority(), -b.pod.priority());
            if (byPriority != 0) {
                return byPriority;
            }
            int byTimestamp = a.timestamp.compareTo(b.timestamp);
            return byTimestamp != 0 ? byTimestamp : Long.compare(a.order, b.order);
        }
    }

    private final VirtualClock clock;
    private final OnActive onActive;
    private final PriorityQueue<QueuedPod> activeQ = new PriorityQueue<>(new ActiveOrder());
    private final Map<String, QueuedPod> active = new HashMap<>();
    private final Map<String, QueuedPod> backoff = new HashMap<>();
    private final Map<String, QueuedPod> unschedulable = new HashMap<>();
    private VirtualClock.Timer backoffFlush;
    private VirtualClock.Timer unschedulableFlush;
    private long sequence;
    private long schedulingCycle;
    private long moveRequestCycle = -1;
    private boolean closed;

    /** @param onActive called when a pod becomes poppable, so the scheduling loop can wake up */
    SchedulingQueue(VirtualClock clock, OnActive onActive) {
        this.clock = clock;
        this.onActive = onActive;
    }

    /** A new pending pod, or a pending pod that changed. */
    void addOrUpdate(PodInfo pod) {
        QueuedPod queued = find(pod.key()).orElse(null);
        if (queued == null) {
            pushActive(new QueuedPod(pod, clock.now(), sequence++));
            return;
        }
        boolean changed = !queued.pod.pod().getSpec().equals(pod.pod().getSpec())
                || !queued.pod.labels().equals(pod.labels());
        queued.pod = pod;
        if (changed && unschedulable.remove(pod.key()) != null) {
            requeue(queued);
        }
    }

    void delete(String key) {
        QueuedPod queued = active.remove(key);
        if (queued != null) {
            activeQ.remove(queued);
        }
        backoff.remove(key);
        unschedulable.remove(key);
    }

    boolean contains(String key) {
        return find(key).isPresent();
    }

    /** The next pod to schedule, if any; it counts as an attempt and starts a scheduling cycle. */
    Optional<QueuedPod> pop() {
        QueuedPod next = activeQ.poll();
        if (next == null) {
            return Optional.empty();
        }
        active.remove(next.pod.key());
        next.attempts++;
        schedulingCycle++;
        return Optional.of(next);
    }

    long schedulingCycle() {
        return schedulingCycle;
    }

    /**
     * AddUnschedulableIfNotPresent: back into backoffQ if it failed with an error or if a move
     * request came while it was being scheduled, otherwise into unschedulablePods.
     */
    void addUnschedulable(QueuedPod queued, long podCycle, boolean error) {
        if (contains(queued.pod.key())) {
            return;
        }
        queued.backoffExpiry = clock.now().plus(backoffDuration(queued.attempts));
        queued.timestamp = clock.now();
        if (error || moveRequestCycle >= podCycle) {
            pushBackoff(queued);
        } else {
            unschedulable.put(queued.pod.key(), queued);
            if (unschedulableFlush == null) {
                unschedulableFlush = clock.schedule(UNSCHEDULABLE_FLUSH, this::flushUnschedulableLeftover);
            }
        }
    }

    /** MoveAllToActiveOrBackoffQueue for the pods whose rejecting plugins care about {@code event}. */
    void move(ClusterEvent event) {
        for (QueuedPod queued : List.copyOf(unschedulable.values())) {
            if (queued.unschedulablePlugins.isEmpty()
                    || queued.unschedulablePlugins.stream().anyMatch(p -> INTERESTS.getOrDefault(p, Set.of()).contains(event))) {
                unschedulable.remove(queued.pod.key());
                requeue(queued);
            }
        }
        moveRequestCycle = schedulingCycle;
    }

    /** The pod cannot be scheduled any more (the scheduler lost its lease or stopped). */
    void close() {
        closed = true;
        for (VirtualClock.Timer timer : new VirtualClock.Timer[] {backoffFlush, unschedulableFlush}) {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    int pendingCount() {
        return active.size() + backoff.size() + unschedulable.size();
    }

    private void requeue(QueuedPod queued) {
        if (queued.backoffExpiry.isAfter(clock.now())) {
            pushBackoff(queued);
        } else {
            pushActive(queued);
        }
    }

    private void pushActive(QueuedPod queued) {
        active.put(queued.pod.key(), queued);
        activeQ.add(queued);
        onActive.run();
    }

    private void pushBackoff(QueuedPod queued) {
        backoff.put(queued.pod.key(), queued);
        if (backoffFlush == null) {
            backoffFlush = clock.schedule(BACKOFF_FLUSH, this::flushBackoffCompleted);
        }
    }

    private void flushBackoffCompleted() {
        backoffFlush = null;
        if (closed) {
            return;
        }
        for (QueuedPod queued : List.copyOf(backoff.values())) {
            if (!queued.backoffExpiry.isAfter(clock.now())) {
                backoff.remove(queued.pod.key());
                pushActive(queued);
            }
        }
        if (!backoff.isEmpty()) {
            backoffFlush = clock.schedule(BACKOFF_FLUSH, this::flushBackoffCompleted);
        }
    }

    private void flushUnschedulableLeftover() {
        unschedulableFlush = null;
        if (closed) {
            return;
        }
        List<QueuedPod> leftover = new ArrayList<>();
        for (QueuedPod queued : unschedulable.values()) {
            if (!queued.timestamp.plus(MAX_IN_UNSCHEDULABLE).isAfter(clock.now())) {
                leftover.add(queued);
            }
        }
        leftover.sort(Comparator.comparingLong(q -> q.order));
        for (QueuedPod queued : leftover) {
            unschedulable.remove(queued.pod.key());
            requeue(queued);
        }
        if (!unschedulable.isEmpty()) {
            unschedulableFlush = clock.schedule(UNSCHEDULABLE_FLUSH, this::flushUnschedulableLeftover);
        }
    }

    /** calculateBackoffDuration: 1 s for the first attempt, doubling, at most 10 s. */
    static Duration backoffDuration(int attempts) {
        Duration duration = INITIAL_BACKOFF;
        for (int i = 1; i < attempts; i++) {
            if (duration.compareTo(MAX_BACKOFF.minus(duration)) > 0) {
                return MAX_BACKOFF;
            }
            duration = duration.plus(duration);
        }
        return duration;
    }

    private Optional<QueuedPod> find(String key) {
        QueuedPod queued = active.get(key);
        if (queued == null) {
            queued = backoff.get(key);
        }
        if (queued == null) {
            queued = unschedulable.get(key);
        }
        return Optional.ofNullable(queued);
    }
}
