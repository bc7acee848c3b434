package org.laymanlabs.backend.workspace;

import java.util.concurrent.CompletableFuture;

/** A shell line that was started: its status once it ends, and Ctrl-C meanwhile. */
public interface TerminalLine {

    /** Completes with the line's exit status (0 to 255) when it ends, or exceptionally if it was refused. */
    CompletableFuture<Integer> finished();

    /**
     * Completes after {@link #finished()} with the prompt the terminal shows next: bash's, or that
     * of a container's shell the line opened ({@code docker exec -it web sh} gives {@code / # }).
     */
    CompletableFuture<String> prompt();

    /** Ctrl-C: SIGINT to the foreground command, which reacts as the real tool does. */
    void interrupt();
}
