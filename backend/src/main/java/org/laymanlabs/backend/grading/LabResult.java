package org.laymanlabs.backend.grading;

import java.util.List;

/** Every step's results, in order. A lab is complete when all its steps are. */
public record LabResult(List<StepResult> steps) {

    public LabResult {
        steps = List.copyOf(steps);
    }

    public boolean complete() {
        return !steps.isEmpty() && steps.stream().allMatch(StepResult::complete);
    }
}
