package org.laymanlabs.backend.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * A host whose threads and clocks the test runs, the same way every time: a discrete-event
 * simulation in which pools of simulated threads run real tasks. A task "computes" by calling
 * {@link #burn}: its thread's CPU time grows by that much and its time by that much times the
 * host's slowdown (on a busy host a thread gets a share of a core, so a task takes longer than its
 * CPU time), and it goes on only once everything due before has happened. Each simulated thread is
 * a real thread, but only one of them or the test's own runs at any moment, always the one whose
 * time is earliest (then the one that has waited longest), so what happens depends on nothing but
 * the times: no wall clock, no real scheduling.
 */
final class SimulatedHost implements CpuClock {

    /** Something due at a time: an event run on the test's thread, or a simulated thread to resume. */
    private record Due(long at, long order, Runnable event, Worker worker) {
    }

    /** A fixed pool of simulated threads, taking tasks first come first served as a thread pool's queue does. */
    final class Pool implements Executor {

        private final Deque<Runnable> ready = new ArrayDeque<>();
        private final Deque<Worker> idle = new ArrayDeque<>();

        private Pool(int threads, String name) {
            for (int i = 0; i < threads; i++) {
                idle.add(new Worker(name + "-" + i, this));
            }
        }

        @Override
        public void execute(Runnable task) {
            ready.add(task);
        }
    }

    private final class Worker {

        private final Semaphore go = new Semaphore(0);
        private final Thread thread;
        private final Pool pool;
        private Runnable task;
        private long cpu;

        private Worker(String name, Pool pool) {
            this.pool = pool;
            thread = new Thread(this::work, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void work() {
            try {
                while (true) {
                    go.acquire();
                    try {
                        task.run();
                    } catch (Throwable e) {
                        failure = e;
                    }
                    task = null;
                    current = null;
                    test.release();
                }
            } catch (InterruptedException e) {
                // the host is shut down
            }
        }
    }

    private final long slowdown;
    private final Semaphore test = new Semaphore(0);
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::order));
    private final List<Pool> pools = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private long now;
    private long order;
    private Worker current;
    private Throwable failure;

    /** @param slowdown how many times longer than its CPU time a task takes: 1 on a quiet host */
    SimulatedHost(int slowdown) {
        this.slowdown = slowdown;
    }

    Pool pool(int threads, String name) {
        Pool pool = new Pool(threads, name);
        pools.add(pool);
        workers.addAll(pool.idle);
        return pool;
    }

    /** Called by a task on a simulated thread: it computes for {@code cpuNanos} of CPU time. */
    void burn(long cpuNanos) {
        Worker worker = current;
        if (worker == null || worker.thread != Thread.currentThread()) {
            throw new IllegalStateException("only a task on a simulated thread computes");
        }
        worker.cpu += cpuNanos;
        due.add(new Due(now + cpuNanos * slowdown, order++, null, worker));
        current = null;
        test.release();
        worker.go.acquireUninterruptibly();
    }

    /** Runs {@code event} on the test's thread at {@code at}. */
    void at(long at, Runnable event) {
        due.add(new Due(Math.max(at, now), order++, event, null));
    }

    /** Runs everything due until {@code until}, and moves the time there. */
    void runUntil(long until) {
        while (step(until)) {
            // on
        }
        now = Math.max(now, until);
    }

    /** Runs until {@code future} is done; it must be done by what is due. */
    <T> T await(CompletableFuture<T> future) {
        while (!future.isDone()) {
            if (!step(Long.MAX_VALUE)) {
                throw new AssertionError("nothing left to run, and the future is not done");
            }
        }
        return future.join();
    }

    void shutdown() {
        workers.forEach(w -> w.thread.interrupt());
    }

    /** Starts a ready task on an idle thread, or else runs what is due first; false when nothing is due by {@code until}. */
    private boolean step(long until) {
        for (Pool pool : pools) {
            if (!pool.ready.isEmpty() && !pool.idle.isEmpty()) {
                Worker worker = pool.idle.poll();
                worker.task = pool.ready.poll();
                resume(worker);
                if (worker.task == null) {
                    pool.idle.add(worker);
                }
                return true;
            }
        }
        Due next = due.peek();
        if (next == null || next.at() > until) {
            return false;
        }
        due.poll();
        now = next.at();
        if (next.event() != null) {
            next.event().run();
        } else {
            resume(next.worker());
            if (next.worker().task == null) {
                next.worker().pool.idle.add(next.worker());
            }
        }
        return true;
    }

    private void resume(Worker worker) {
        current = worker;
        worker.go.release();
        test.acquireUninterruptibly();
        if (failure != null) {
            throw new AssertionError("a task on a simulated thread failed", failure);
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long threadCpuTime() {
        Worker worker = current;
        return worker != null && worker.thread == Thread.currentThread() ? worker.cpu : 0;
    }

    @Override
    public void wakeAfter(long nanos, Runnable wake) {
        at(now + nanos, wake);
    }
}
