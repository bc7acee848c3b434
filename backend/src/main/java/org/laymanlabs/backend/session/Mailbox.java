package org.laymanlabs.backend.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor's mailbox, as Akka's dispatcher runs one: tasks run one at a time, in the order they
 * arrived, on threads borrowed from a shared pool. While the queue is empty the actor holds no
 * thread, so thousands of idle sandboxes cost no threads at all.
 *
 * <p>With a {@link CpuBandwidth}, the CPU time each task takes is charged to it, and a mailbox that
 * used up its quota is throttled: it gives its thread back and its queue waits for the period that
 * refills it, as a cgroup over its {@code cpu.max} waits, while the other mailboxes on the pool run
 * on. CPU time, not wall time, as the kernel counts it: a task slowed down by other processes on the
 * host is not charged for their share.
 */
final class Mailbox implements Executor {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);
    private static final int BATCH = 16;

    private final Executor pool;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;
    private CpuBandwidth bandwidth;
    private CpuClock clock;
    private volatile boolean throttled;

    Mailbox(Executor pool) {
        this.pool = pool;
    }

    /** From the next task on, charges tasks to {@code bandwidth}, timed by {@code clock}. */
    void limit(CpuBandwidth bandwidth, CpuClock clock) {
        synchronized (queue) {
            this.bandwidth = bandwidth;
            this.clock = clock;
        }
    }

    /** Whether work is waiting for the next period because the quota is used up. */
    boolean throttled() {
        return throttled;
    }

    CpuStat cpuStat() {
        synchronized (queue) {
            return bandwidth == null ? null : bandwidth.stat();
        }
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        pool.execute(this::drain);
    }

    /**
     * Runs what is queued, then gives the thread back. A busy actor yields after a batch so that
     * one learner's burst cannot keep a pool thread from everyone else, and a throttled one yields
     * until its quota is refilled.
     */
    private void drain() {
        for (int batch = 0; batch < BATCH; batch++) {
            Runnable next;
            CpuBandwidth budget;
            CpuClock cpu;
            long wait = 0;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    scheduled = false;
                    return;
                }
                budget = bandwidth;
                cpu = clock;
                if (budget != null) {
                    wait = budget.throttledFor(cpu.nanoTime());
                }
                throttled = wait > 0;
                next = throttled ? null : queue.poll();
            }
            if (next == null) {
                try {
                    cpu.wakeAfter(wait, () -> pool.execute(this::drain));
                    return;
                } catch (RejectedExecutionException e) {
                    // The server is stopping and its timer is gone: what is queued runs now, unthrottled,
                    // rather than wait for a wake-up that will never come.
                    synchronized (queue) {
                        throttled = false;
                        next = queue.poll();
                    }
                    budget = null;
                }
            }
            long start = budget == null ? 0 : cpu.threadCpuTime();
            try {
                next.run();
            } catch (RuntimeException e) {
                // A task that throws must not stop the ones behind it: the actor would hang for good.
                log.error("A sandbox task failed", e);
            } finally {
                if (budget != null) {
                    budget.charge(cpu.threadCpuTime() - start);
                }
            }
        }
        pool.execute(this::drain);
    }
}
