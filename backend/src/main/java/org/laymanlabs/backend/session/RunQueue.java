package org.laymanlabs.backend.session;

import java.util.Comparator;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A fair share of a pool's threads among mailboxes, as the kernel's CFS run queue shares a CPU
 * among tasks (kernel/sched/fair.c, {@code cfs_rq}): each mailbox has a virtual runtime, the CPU
 * time its tasks took, and a free thread always serves the waiting mailbox with the least
 * ({@code pick_next_entity}). A mailbox that wakes from idle is placed at the queue's minimum if it
 * is behind it ({@code place_entity}), so a learner who was away gets no credit to spend in a burst,
 * and one that keeps the queue busy falls behind every learner who just typed. A task cannot be
 * preempted, so a learner's command waits at most for the tasks already running.
 *
 * <p>A server's run queue has a throttled lane beside it: a second run queue on a thread of its
 * own, where a mailbox runs while it takes more than its share ({@link CpuBandwidth#overItsShare}:
 * throttled within the last period, or holding a thread for longer than its quota). A sandbox that
 * uses all it may (a runaway cluster, a flood of commands) then shares that one thread with the
 * other such sandboxes, and never holds one of the pool's, which stay for learners within their
 * quota.
 */
public final class RunQueue implements Executor {

    private final Executor pool;
    private final CpuClock clock;
    private final CpuMax max;
    private final RunQueue throttledLane;
    private final TreeSet<Mailbox> waiting = new TreeSet<>(
            Comparator.comparingLong((Mailbox m) -> m.vruntime).thenComparingLong(m -> m.enqueued));
    private long minVruntime;
    private long enqueued;

    private RunQueue(Executor pool, CpuClock clock, CpuMax max, RunQueue throttledLane) {
        this.pool = pool;
        this.clock = clock;
        this.max = max;
        this.throttledLane = throttledLane;
    }

    /**
     * The server's run queue ({@link Sessions}; benchmarks build the same): {@code pool}'s threads
     * shared fairly, sandboxes taking more than their share on {@code lane}, and every mailbox held
     * to {@code max} once its restore has run ({@link Mailbox}), with the JVM's clocks, throttled
     * ones woken on {@code waker}.
     */
    public static RunQueue server(Executor pool, Executor lane, ScheduledExecutorService waker, CpuMax max) {
        return withThrottledLane(pool, lane, CpuClock.system(waker), max);
    }

    static RunQueue withThrottledLane(Executor pool, Executor lane, CpuClock clock, CpuMax max) {
        return new RunQueue(pool, clock, max, new RunQueue(lane, clock, max, null));
    }

    /**
     * The run queue a mailbox on {@code pool} joins: the pool itself when it is one, or else a run
     * queue of its own over a plain executor (tests and tools), first come first served as before.
     */
    static RunQueue of(Executor pool) {
        return pool instanceof RunQueue shared ? shared : new RunQueue(pool, CpuClock.NONE, null, null);
    }

    /** What times the tasks run here, unless a mailbox's CPU limit brings its own clock. */
    CpuClock clock() {
        return clock;
    }

    /** A new mailbox's CPU bandwidth, or null when the mailboxes here are not limited. */
    CpuBandwidth bandwidth() {
        return max == null ? null : new CpuBandwidth(max, clock.nanoTime());
    }

    /** A task that is nobody's mailbox runs on the pool as it is. */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /**
     * Puts a mailbox that has work in line: in the throttled lane while it takes more than its share,
     * else here. {@code woken}: it was idle or throttled until now.
     */
    void enqueue(Mailbox mailbox, boolean woken) {
        RunQueue queue = throttledLane != null && mailbox.overItsShare() ? throttledLane : this;
        queue.add(mailbox, woken);
    }

    private void add(Mailbox mailbox, boolean woken) {
        synchronized (this) {
            if (mailbox.runQueue != this) {
                // From the other lane: its runtime there says nothing about its place here.
                mailbox.runQueue = this;
                mailbox.vruntime = minVruntime;
            } else if (woken) {
                mailbox.vruntime = Math.max(mailbox.vruntime, minVruntime);
            }
            mailbox.enqueued = enqueued++;
            waiting.add(mailbox);
        }
        pool.execute(this::runNext);
    }

    /** One turn of a pool thread: the waiting mailbox that has used least runs. */
    private void runNext() {
        Mailbox next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                return;
            }
            minVruntime = Math.max(minVruntime, next.vruntime);
        }
        next.runTurn(this);
    }

    /**
     * Adds a task's CPU time to the running mailbox's virtual runtime, and moves the queue's minimum
     * up to the least of it and the waiting ones' ({@code update_min_vruntime}); whether it may run
     * its next task in this turn, having still used less than every mailbox waiting here.
     */
    synchronized boolean charge(Mailbox running, long cpuTime) {
        running.vruntime += cpuTime;
        Mailbox first = waiting.isEmpty() ? null : waiting.first();
        minVruntime = Math.max(minVruntime, first == null ? running.vruntime : Math.min(running.vruntime, first.vruntime));
        return first == null || running.vruntime < first.vruntime;
    }
}
