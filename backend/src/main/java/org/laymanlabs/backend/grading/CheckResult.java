package org.laymanlabs.backend.grading;

import java.util.Objects;

/**
 * One check's outcome, as the "Check my work" panel shows it and the sessions store it.
 *
 * @param name    the check's name from lab.yaml ("nginx is running")
 * @param message for the learner: what was found, and on a failure what was expected
 */
public record CheckResult(String name, Verdict verdict, String message) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    static CheckResult pass(String name, String message) {
        return new CheckResult(name, Verdict.PASS, message);
    }

    /** A failure whose message says what was expected, then what was found. */
    static CheckResult fail(String name, String expected, String found) {
        return new CheckResult(name, Verdict.FAIL, "Expected " + expected + ", but found " + found + ".");
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }
}
