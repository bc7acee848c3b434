package org.laymanlabs.frontend.workspace;

import java.time.Duration;
import java.util.List;

/**
 * "Check my work" and hints for the learner's attempt at a lab: the checks run on the server, in
 * the learner's sandbox, and every run and every hint revealed is recorded in their progress.
 */
interface WorkChecker {

    /** Runs the step's checks and records the run; a step whose checks all pass is complete. */
    CheckReport check(String stepId);

    /** All of the step's hints, gentlest first. */
    List<String> hints(String stepId);

    /** How many of the step's hints the learner has revealed so far. */
    int hintsRevealed(String stepId);

    /** Reveals the step's next hint and counts it. */
    String revealHint(String stepId);

    /**
     * The outcome of each check of a step, with the message a learner can act on.
     *
     * @param took how long grading took on the server, wall time
     */
    record CheckReport(List<Result> results, Duration took) {

        public CheckReport {
            results = List.copyOf(results);
        }

        /** True when the step has checks and every one passed. */
        public boolean passed() {
            return !results.isEmpty() && results.stream().allMatch(Result::passed);
        }

        public record Result(String name, boolean passed, String message) {
        }
    }
}
