package org.laymanlabs.backend.grading;

import java.util.List;

/** The results of one step's checks, in the order lab.yaml lists them. A step is complete when all passed. */
public record StepResult(String stepId, List<CheckResult> checks) {

    public StepResult {
        checks = List.copyOf(checks);
    }

    public boolean complete() {
        return checks.stream().allMatch(CheckResult::passed);
    }
}
