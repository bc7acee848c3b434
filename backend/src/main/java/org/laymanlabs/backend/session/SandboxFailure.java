package org.laymanlabs.backend.session;

/**
 * A sandbox threw while running an input: a bug in the runtime, never the learner's fault. The
 * input is left out of the journal and the sandbox is rebuilt from the journal without it, so the
 * learner finds the state from just before.
 */
public final class SandboxFailure extends RuntimeException {

    SandboxFailure(String input, RuntimeException cause) {
        super("the sandbox failed on '" + input + "' and was restored to its state before it: " + cause, cause);
    }
}
