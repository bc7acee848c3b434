package org.laymanlabs.backend.workspace;

/** Where a terminal line's output goes as it is written, in order; called on the sandbox's thread. */
@FunctionalInterface
public interface TerminalOutput {

    /** @param error true for standard error, which a terminal shows interleaved but a UI may mark */
    void write(String text, boolean error);
}
