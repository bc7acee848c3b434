package org.laymanlabs.backend.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An actor's mailbox, as Akka's dispatcher runs one: tasks run one at a time, in the order they
 * arrived, on threads borrowed from a shared pool. While the queue is empty the actor holds no
 * thread, so thousands of idle sandboxes cost no threads at all.
 */
final class Mailbox implements Executor {

    private final Executor pool;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;

    Mailbox(Executor pool) {
        this.pool = pool;
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
     * one learner's burst cannot keep a pool thread from everyone else.
     */
    private void drain() {
        for (int batch = 0; batch < 16; batch++) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            next.run();
        }
        pool.execute(this::drain);
    }
}
