package org.laymanlabs.backend.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One check's verdict within a run, with the grader's message for the learner. */
@Embeddable
public record CheckResult(
        @Column(name = "check_id", nullable = false, length = 200) String checkId,
        @Column(nullable = false) boolean passed,
        @Column(nullable = false, length = 4000) String message) {

    static final int MAX_MESSAGE = 4000;

    public CheckResult {
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message;
    }
}
