package org.laymanlabs.backend.workspace;

import java.util.UUID;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.Attempts;
import org.springframework.stereotype.Service;

/**
 * Where the browser workspace gets a learner's sandbox: the session of their attempt at a lab
 * ({@link Attempts}), checked for ownership on every call, kept and restored by the sessions.
 */
@Service
public class LearnerSandboxes {

    private final Attempts attempts;

    LearnerSandboxes(Attempts attempts) {
        this.attempts = attempts;
    }

    /** The caller's sandbox of {@code attemptId}; nothing is built until it is first used. */
    public LabSandbox of(Caller caller, UUID attemptId) {
        attempts.get(caller, attemptId);
        return new SessionLabSandbox(() -> attempts.sandbox(caller, attemptId));
    }
}
