package org.laymanlabs.backend.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.backend.session.SandboxActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Check my work", hints and progress. The checks run on the server, in the learner's sandbox,
 * through the grader; the browser only ever hears the verdict. A step is complete when all its
 * checks pass, a lab when all its steps are; reaching the next step marks the sandbox's journal
 * there, so that resetting that step comes back to this point.
 */
@Service
public class Grading {

    private final Attempts attempts;
    private final AttemptRepository attemptRepository;
    private final CheckRunRepository runs;
    private final StepCompletionRepository completions;
    private final HintUseRepository hints;
    private final LabCourse course;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Grading(Attempts attempts, AttemptRepository attemptRepository, CheckRunRepository runs,
            StepCompletionRepository completions, HintUseRepository hints, LabCourse course, ObjectProvider<Clock> clock,
            PlatformTransactionManager transactionManager) {
        this.attempts = attempts;
        this.attemptRepository = attemptRepository;
        this.runs = runs;
        this.completions = completions;
        this.hints = hints;
        this.course = course;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs a step's checks in the caller's sandbox and records the run and, if all passed, the
     * step's completion. No transaction is held while the sandbox works: its own saves need
     * connections too, and a busy sandbox must not hold one of the pool's.
     */
    public CheckRun check(Caller caller, UUID attemptId, String stepId) {
        LabAttempt attempt = attempts.get(caller, attemptId);
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElseThrow();
        int index = LabCourse.indexOf(steps, stepId);
        SandboxActor sandbox = attempts.sandbox(caller, attemptId);
        long started = System.nanoTime();
        List<LabSandboxes.CheckOutcome> outcomes = Attempts.await(sandbox.check(stepId));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<CheckResult> results = outcomes.stream()
                .map(o -> new CheckResult(o.checkId(), o.passed(), o.message())).toList();
        CheckRun run = runs.save(new CheckRun(attempt.id(), stepId, clock.instant(),
                Attempts.await(sandbox.query(s -> s.clock().now())), took, results));
        if (run.passed() && !completions.existsByAttemptIdAndStepId(attempt.id(), stepId)) {
            if (index + 1 < steps.size()) {
                attempts.beginStep(caller, attemptId, steps.get(index + 1).id());
            }
            transactions.executeWithoutResult(status -> complete(attempt.id(), steps, stepId, run.ranAt()));
        }
        return run;
    }

    private void complete(UUID attemptId, List<LabCourse.Step> steps, String stepId, Instant at) {
        completions.save(new StepCompletion(attemptId, stepId, at));
        if (steps.stream().allMatch(s -> completions.existsByAttemptIdAndStepId(attemptId, s.id()))) {
            LabAttempt attempt = attemptRepository.findById(attemptId).orElseThrow();
            attempt.complete(at);
            attemptRepository.save(attempt);
        }
    }

    /** Reveals the step's next hint and counts it; after the last one there are no more. */
    @Transactional
    public Hint nextHint(Caller caller, UUID attemptId, String stepId) {
        LabAttempt attempt = attempts.get(caller, attemptId);
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElseThrow();
        LabCourse.Step step = steps.get(LabCourse.indexOf(steps, stepId));
        int used = (int) hints.countByAttemptIdAndStepId(attempt.id(), stepId);
        if (used >= step.hints().size()) {
            throw new IllegalArgumentException("step " + stepId + " has no more hints: all "
                    + step.hints().size() + " are shown");
        }
        hints.save(new HintUse(attempt.id(), stepId, used, clock.instant()));
        return new Hint(stepId, used + 1, step.hints().size(), step.hints().get(used));
    }

    /** A revealed hint: the n-th of the step's {@code of}. */
    public record Hint(String stepId, int number, int of, String text) {
    }

    @Transactional(readOnly = true)
    public List<CheckRun> runs(Caller caller, UUID attemptId) {
        return runs.findByAttemptIdOrderByRanAt(attempts.get(caller, attemptId).id());
    }

    @Transactional(readOnly = true)
    public AttemptProgress progress(Caller caller, UUID attemptId) {
        return progressOf(attempts.get(caller, attemptId));
    }

    /** Progress without an ownership check: for the classroom report, which checks the instructor instead. */
    @Transactional(readOnly = true)
    public AttemptProgress progressOf(LabAttempt attempt) {
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElse(List.of());
        Map<String, StepCompletion> done = completions.findByAttemptIdOrderByCompletedAt(attempt.id()).stream()
                .collect(Collectors.toMap(StepCompletion::stepId, Function.identity()));
        Map<String, Long> runsByStep = runs.findByAttemptIdOrderByRanAt(attempt.id()).stream()
                .collect(Collectors.groupingBy(CheckRun::stepId, Collectors.counting()));
        Map<String, Long> hintsByStep = hints.findByAttemptIdOrderByHintIndex(attempt.id()).stream()
                .collect(Collectors.groupingBy(HintUse::stepId, Collectors.counting()));
        List<StepStatus> statuses = steps.stream().map(step -> {
            StepCompletion completion = done.get(step.id());
            return new StepStatus(step.id(), step.title(), completion != null,
                    completion == null ? null : completion.completedAt(),
                    runsByStep.getOrDefault(step.id(), 0L).intValue(),
                    hintsByStep.getOrDefault(step.id(), 0L).intValue(), step.hints().size());
        }).toList();
        return new AttemptProgress(attempt.id(), attempt.accountId(), attempt.labId(), attempt.startedAt(),
                attempt.completedAt().orElse(null), attempt.isActive(), statuses);
    }
}
