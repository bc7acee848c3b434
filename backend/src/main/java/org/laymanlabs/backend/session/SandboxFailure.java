package org.laymanlabs.backend.session;

/**
 * A sandbox threw while running an input: a bug in the runtime, never the learner's fault. The
 * input is left out of the journal and the sandbox is rebuilt from the journal without it, so the
 * learner finds the state from just before. When the sandbox throws inside its own event loop
 * (a clock tick), it stops instead, and every later request gets this error until a reset.
 */
public final class SandboxFailure extends RuntimeException {

    private final boolean stopped;

    SandboxFailure(String input, Throwable cause) {
        super("the sandbox failed on '" + input + "' and was restored to its state before it: " + cause, cause);
        this.stopped = false;
    }

    /** The sandbox's event loop failed: it stopped, and every request gets this until a reset. */
    public SandboxFailure(RuntimeException cause, String message) {
        super(message, cause);
        this.stopped = true;
    }

    /** Whether the sandbox stopped (only a reset brings it back), rather than having dropped one input. */
    public boolean stopped() {
        return stopped;
    }
}
