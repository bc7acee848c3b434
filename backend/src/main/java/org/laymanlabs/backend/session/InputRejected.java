package org.laymanlabs.backend.session;

/** An input the sandbox refuses as it stands, with a reason the learner can act on; nothing changed. */
public final class InputRejected extends RuntimeException {

    InputRejected(String message) {
        super(message);
    }
}
