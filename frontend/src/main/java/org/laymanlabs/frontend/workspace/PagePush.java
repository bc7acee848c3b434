package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries what a sandbox says (output, a line's end) to one page, in order, on threads of its own.
 * Never on the sandbox's thread: {@code UI.access} may run the page's queued work right there, and
 * work that asks the sandbox something would then wait for the very thread it runs on.
 */
final class PagePush {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "workspace-push");
        thread.setDaemon(true);
        return thread;
    });

    private final UI ui;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    PagePush(UI ui) {
        this.ui = ui;
    }

    /** Runs {@code work} on the page after everything sent before it; dropped once the page is gone. */
    void send(Runnable work) {
        synchronized (queue) {
            queue.add(work);
            if (draining) {
                return;
            }
            draining = true;
        }
        POOL.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                ui.access(next::run);
            } catch (UIDetachedException e) {
                // The learner closed or reloaded the page: the sandbox goes on, and the next page shows the result.
            }
        }
    }
}
