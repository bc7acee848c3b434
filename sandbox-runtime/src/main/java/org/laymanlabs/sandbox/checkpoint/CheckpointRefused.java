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
}
