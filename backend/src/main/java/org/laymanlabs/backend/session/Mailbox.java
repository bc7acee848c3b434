package org.laymanlabs.backend.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An actor's mailbox, as Akka's dispatcher runs one: tasks run one at a time, in the order they
 * arrived, on threads borrowed from a shared pool. While the queue is empty the actor holds no
 * thread, so thousands of idle sandboxes cost no threads at all.
 */
final class Mailbox implements Executor {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

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
            try {
                next.run();
            } catch (RuntimeException e) {
                // A task that throws must not stop the ones behind it: the actor would hang for good.
                log.error("A sandbox task failed", e);
            }
        }
        pool.execute(this::drain);
    }
}
