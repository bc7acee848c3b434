package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.UI;
import java.util.concurrent.CompletionException;
import org.laymanlabs.backend.session.InputRejected;
import org.laymanlabs.backend.workspace.TerminalLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's foreground job, as a shell's job control keeps one: the line running now, its
 * output pushed to the page as the sandbox writes it (a {@code kubectl get -w} for as long as it
 * follows), Ctrl-C to it, and cutting it off when the page goes away. A refused or failed line
 * ends with a message a learner can act on, never a stack trace.
 */
final class Foreground {

    private static final Logger log = LoggerFactory.getLogger(Foreground.class);

    private final WorkspaceView view;
    private TerminalLine running;
    /** The sandbox said a line from before (another tab, before a restart) still runs: Ctrl-C goes to it. */
    private boolean strayLine;

    Foreground(WorkspaceView view) {
        this.view = view;
    }

    void run(String line) {
        PagePush page = new PagePush(UI.getCurrent());
        boolean traced = line.matches("(.*\\s)?trace\\s.*");
        StringBuffer printed = new StringBuffer();
        TerminalLine started;
        try {
            started = view.sandbox().start(line, (text, error) -> {
                if (traced) {
                    printed.append(text);
                }
                page.send(() -> view.terminal.write(text));
            });
        } catch (RuntimeException e) {
            ended(e);
            return;
        }
        running = started;
        started.finished().thenCompose(status -> started.prompt()).whenComplete((prompt, failure) -> page.send(() -> {
            if (running == started) {
                running = null;
            }
            if (failure != null) {
                ended(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            view.terminal.finished(prompt);
            view.contain(() -> {
                if (traced) {
                    view.map.showTrace(printed.toString());
                }
                view.map.refresh();
                view.editor.refreshFiles();
            });
        }));
    }

    /** Ctrl-C: to the running line, or to a stray one the sandbox still runs. */
    void interrupt() {
        if (running != null) {
            running.interrupt();
        } else if (strayLine) {
            strayLine = false;
            view.contain(() -> view.sandbox().interrupt());
        }
    }

    /** The page goes away or the sandbox is reset: a following line stops, what it followed goes on. */
    void cutOff() {
        if (running != null) {
            running = null;
            try {
                view.sandbox().detach();
            } catch (RuntimeException e) {
                log.warn("The terminal's line could not be cut off", e);
            }
        }
    }

    private void ended(Throwable failure) {
        if (failure instanceof InputRejected rejected) {
            strayLine = rejected.getMessage().contains("is still running");
            view.terminal.write("\u001b[33m" + rejected.getMessage() + "\u001b[0m\r\n");
        } else {
            log.error("The terminal could not run a line", failure);
            view.terminal.write("\u001b[31m" + Trouble.forCommand(failure) + "\u001b[0m\r\n");
        }
        view.terminal.finished(null);
    }

}
