package org.laymanlabs.sandbox.checkpoint;

/**
 * A sandbox that cannot be checkpointed now, or bytes that cannot be restored by this build. Never
 * a loss: the session keeps its journal, and a journal replay rebuilds the same sandbox, only slower.
 */
public final class CheckpointRefused extends RuntimeException {

    public CheckpointRefused(String message) {
        super(message);
    }

    public CheckpointRefused(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether it was refused for work in flight (an etcd write awaiting its commit): a few virtual milliseconds later it may not be. */
    public boolean workInFlight() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof GraphKryo.WorkInFlight) {
                return true;
            }
        }
        return false;
    }
}
