package org.laymanlabs.backend.workspace;

import java.util.concurrent.CompletableFuture;

/** A shell line that was started: its status once it ends, and Ctrl-C meanwhile. */
public interface TerminalLine {

    /** Completes with the line's exit status (0 to 255) when it ends, or exceptionally if it was refused. */
    CompletableFuture<Integer> finished();

    /** Ctrl-C: SIGINT to the foreground command, which reacts as the real tool does. */
    void interrupt();
}
