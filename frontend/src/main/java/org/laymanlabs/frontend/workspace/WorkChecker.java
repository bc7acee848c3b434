package org.laymanlabs.frontend.workspace;

import java.util.List;
import org.laymanlabs.backend.workspace.LabSandbox;

/**
 * "Check my work": runs a lab step's checks against the learner's sandbox, on the server, and
 * gives its hints. The lab grader implements it; without one the workspace shows no check button.
 */
public interface WorkChecker {

    /** Runs the checks of step {@code step} (0-based) of the lab. */
    CheckReport check(String labId, int step, LabSandbox sandbox);

    /** The step's hints, gentlest first. */
    List<String> hints(String labId, int step);

    /** The outcome of each check of a step, with the message a learner can act on. */
    record CheckReport(List<Result> results) {

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
