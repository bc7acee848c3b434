package org.laymanlabs.frontend.workspace;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabCourse;
import org.laymanlabs.backend.progress.StepStatus;

/**
 * {@link WorkChecker} on the progress services: the grader runs through the learner's sandbox actor,
 * and each run and hint is recorded in the attempt ({@code attempt} changes when the lab is reset).
 */
final class AttemptChecker implements WorkChecker {

    private final Grading grading;
    private final LabCourse course;
    private final Caller caller;
    private final Supplier<UUID> attempt;
    private final String labId;

    AttemptChecker(Grading grading, LabCourse course, Caller caller, Supplier<UUID> attempt, String labId) {
        this.grading = grading;
        this.course = course;
        this.caller = caller;
        this.attempt = attempt;
        this.labId = labId;
    }

    @Override
    public CheckReport check(String stepId) {
        var run = grading.check(caller, attempt.get(), stepId);
        return new CheckReport(run.results().stream()
                .map(r -> new CheckReport.Result(r.checkId(), r.passed(), r.message())).toList(), run.took());
    }

    @Override
    public List<String> hints(String stepId) {
        return course.steps(labId).orElse(List.of()).stream().filter(step -> step.id().equals(stepId))
                .findFirst().map(LabCourse.Step::hints).orElse(List.of());
    }

    @Override
    public int hintsRevealed(String stepId) {
        return grading.progress(caller, attempt.get()).steps().stream().filter(s -> s.stepId().equals(stepId))
                .findFirst().map(StepStatus::hintsUsed).orElse(0);
    }

    @Override
    public String revealHint(String stepId) {
        return grading.nextHint(caller, attempt.get(), stepId).text();
    }
}
