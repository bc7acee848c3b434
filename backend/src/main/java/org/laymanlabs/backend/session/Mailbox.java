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
 * thread, so thousands of idle sandboxes cost no threads at all. Which mailbox a free thread serves
 * is its {@link RunQueue}'s choice: the one whose tasks have taken least CPU time.
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

    private final RunQueue home;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;
    private CpuBandwidth bandwidth;
    private boolean limited;
    private CpuClock clock;
    private volatile boolean throttled;
    /** The run queue this mailbox last waited in, its CPU time there and its place in line: the run queue's to keep. */
    RunQueue runQueue;
    long vruntime;
    long enqueued;

    Mailbox(Executor pool) {
        this.home = RunQueue.of(pool);
        this.clock = home.clock();
    }

    /** From the next task on, charges tasks to {@code bandwidth}, timed by {@code clock}. */
    void limit(CpuBandwidth bandwidth, CpuClock clock) {
        synchronized (queue) {
            this.bandwidth = bandwidth;
            this.clock = clock;
            this.limited = true;
        }
    }

    /**
     * After its first task, the mailbox is held to its run queue's CPU limit, if it has one. The
     * first task is the restore {@link SandboxActor} queues before any other: bringing a sandbox
     * back (after the server dropped it for being idle, or restarted) is the server's work, not the
     * learner's, and charging it would make the learner's first command wait out the debt.
     */
    private void limitAfterRestore() {
        synchronized (queue) {
            if (!limited) {
                limited = true;
                bandwidth = home.bandwidth();
            }
        }
    }

    /** Whether work is waiting for the next period because the quota is used up. */
    boolean throttled() {
        return throttled;
    }

    /** Whether it takes more than its share of CPU ({@link CpuBandwidth#overItsShare}): it then waits in {@link RunQueue}'s throttled lane. */
    boolean overItsShare() {
        CpuBandwidth budget;
        CpuClock cpu;
        synchronized (queue) {
            budget = bandwidth;
            cpu = clock;
        }
        return budget != null && budget.overItsShare(cpu.nanoTime());
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
        home.enqueue(this, true);
    }

    /**
     * One turn on a thread of {@code runQueue}, which picked this mailbox: runs what is queued
     * while it has used less than every mailbox waiting there (at most a batch), then goes back
     * in line or gives the thread back for good. A throttled mailbox waits off the queue until its
     * quota is refilled.
     */
    void runTurn(RunQueue runQueue) {
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
                    cpu.wakeAfter(wait, () -> home.enqueue(this, true));
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
            long start = cpu.threadCpuTime();
            long wallStart = cpu.nanoTime();
            try {
                next.run();
            } catch (RuntimeException e) {
                // A task that throws must not stop the ones behind it: the actor would hang for good.
                log.error("A sandbox task failed", e);
            }
            long used = cpu.threadCpuTime() - start;
            if (budget != null) {
                budget.charge(used, cpu.nanoTime() - wallStart);
            } else {
                limitAfterRestore();
            }
            if (!runQueue.charge(this, used)) {
                break;
            }
        }
        synchronized (queue) {
            if (queue.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        home.enqueue(this, false);
    }
}
