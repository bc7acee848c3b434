package org.laymanlabs.backend.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.Sandbox;
import org.springframework.stereotype.Service;

/**
 * Runs a step's checks against a learner's sandbox, on the server: the browser only ever sees
 * the results. Stateless; the sessions service stores what it returns. The caller runs it on
 * the sandbox's own executor, as every query of a sandbox runs (DESIGN.md, "One thread at a time").
 */
@Service
public class Grader {

    /** Runs one check. Never throws: a sandbox the check cannot read fails the check, with the reason. */
    public CheckResult run(Check check, Sandbox sandbox) {
        try {
            return check.evaluate(sandbox);
        } catch (RuntimeException | StackOverflowError e) {
            return new CheckResult(check.name(), Verdict.FAIL,
                    "The check could not look at the sandbox: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** Runs every check of a step, in order (later checks run even after one fails, so the panel shows them all). */
    public StepResult grade(String stepId, List<Check> checks, Sandbox sandbox) {
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (Check check : checks) {
            results.add(run(check, sandbox));
        }
        return new StepResult(stepId, results);
    }

    /** Runs every step's checks, in the lab's order, keyed by step id. */
    public LabResult grade(Map<String, List<Check>> stepsInOrder, Sandbox sandbox) {
        List<StepResult> steps = new ArrayList<>();
        stepsInOrder.forEach((id, checks) -> steps.add(grade(id, checks, sandbox)));
        return new LabResult(steps);
    }
}
