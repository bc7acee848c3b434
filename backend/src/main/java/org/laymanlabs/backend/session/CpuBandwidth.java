package org.laymanlabs.backend.session;

import java.time.Duration;

/**
 * CFS bandwidth control for one sandbox (kernel/sched/fair.c, the {@code cfs_bandwidth} a cgroup's
 * {@code cpu.max} sets): each period refills the sandbox's runtime with its quota, each task it runs
 * uses some up, and at zero it is throttled until a refill puts it above zero again. A task cannot be
 * stopped half-way as the kernel preempts a thread, so one that runs past the runtime leaves a debt
 * that the next periods pay off, and the sandbox's CPU time stays within its quota over time. An
 * unused quota does not pile up beyond one period's (no {@code cpu.max.burst}).
 */
final class CpuBandwidth {

    private final long quota;
    private final long period;
    private long periodStart;
    /** What is left of this period's quota; below zero, a debt. */
    private long runtime;
    private long usage;
    private long nrThrottled;
    private long throttledTime;
    /** When the current throttle began, or -1 while the sandbox may run. */
    private long throttledSince = -1;
    /** When the last throttle ended. */
    private long unthrottledAt = Long.MIN_VALUE / 2;
    /** The CPU time its tasks used, and the real time they held a thread, in this period and in the one before. */
    private long used;
    private long usedBefore;
    private long held;
    private long heldBefore;

    CpuBandwidth(CpuMax max, long now) {
        this.quota = max.quota().toNanos();
        this.period = max.period().toNanos();
        this.periodStart = now;
        this.runtime = quota;
    }

    /** Zero when the sandbox may run a task at {@code now}; otherwise how long it must wait for its runtime. */
    synchronized long throttledFor(long now) {
        long elapsed = (now - periodStart) / period;
        if (elapsed > 0) {
            periodStart += elapsed * period;
            runtime = Math.min(quota, runtime + elapsed * quota);
            usedBefore = elapsed == 1 ? used : 0;
            heldBefore = elapsed == 1 ? held : 0;
            used = 0;
            held = 0;
        }
        if (runtime > 0) {
            if (throttledSince >= 0) {
                throttledTime += now - throttledSince;
                throttledSince = -1;
                unthrottledAt = now;
            }
            return 0;
        }
        if (throttledSince < 0) {
            throttledSince = now;
            nrThrottled++;
        }
        long periods = -runtime / quota + 1;
        return periodStart + periods * period - now;
    }

    /**
     * Whether the sandbox takes more than its share: it is throttled, or was, or used its whole
     * quota, within this period or the last; or its tasks held a thread for more than half of one
     * of them. A learner at a keyboard seldom does, and then only for a heavy step. The last is for
     * a busy host, where a task takes far longer than its CPU time: a thread that gets a tenth of a
     * core never uses up a fifth of a core's quota, however long it keeps a pool thread.
     */
    synchronized boolean overItsShare(long now) {
        return throttledFor(now) > 0 || now - unthrottledAt < period || used >= quota || usedBefore >= quota
                || held > period / 2 || heldBefore > period / 2;
    }

    /** Takes what a task used from the runtime: {@code cpuTime}, having held its thread for {@code wallTime}. */
    synchronized void charge(long cpuTime, long wallTime) {
        usage += cpuTime;
        runtime -= cpuTime;
        used += cpuTime;
        held += wallTime;
    }

    synchronized CpuStat stat() {
        return new CpuStat(Duration.ofNanos(usage), nrThrottled, Duration.ofNanos(throttledTime));
    }
}
