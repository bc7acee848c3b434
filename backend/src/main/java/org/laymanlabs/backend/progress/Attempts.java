package org.laymanlabs.backend.progress;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxOrigin;
import org.laymanlabs.backend.session.SandboxTokens;
import org.laymanlabs.backend.session.Sessions;
import org.laymanlabs.sandbox.CommandResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A learner's attempts at labs and the sandbox each one owns: starting or resuming a lab, typing
 * into its sandbox, and starting over. Every method checks that the caller owns the attempt.
 */
@Service
public class Attempts {

    private final AttemptRepository attempts;
    private final StepCompletionRepository completions;
    private final LabCourse course;
    private final Sessions sessions;
    private final AccessControl access;
    private final SandboxTokens tokens;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Attempts(AttemptRepository attempts, StepCompletionRepository completions, LabCourse course, Sessions sessions,
             AccessControl access, SandboxTokens tokens, ObjectProvider<Clock> clock,
             PlatformTransactionManager transactionManager) {
        this.attempts = attempts;
        this.completions = completions;
        this.course = course;
        this.sessions = sessions;
        this.access = access;
        this.tokens = tokens;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The caller's attempt at a lab: the one in progress, or a new one with a fresh sandbox. */
    @Transactional
    public LabAttempt startOrResume(Caller caller, String labId) {
        course.steps(labId).orElseThrow(() -> new AccessControl.NotFound("lab " + labId));
        return attempts.findByAccountIdAndLabIdAndEndedAtIsNull(caller.accountId(), labId)
                .orElseGet(() -> attempts.save(new LabAttempt(caller.accountId(), labId,
                        ThreadLocalRandom.current().nextLong(), clock.instant().truncatedTo(ChronoUnit.SECONDS))));
    }

    /** One of the caller's own attempts; anyone else's looks as if it did not exist. */
    @Transactional(readOnly = true)
    public LabAttempt get(Caller caller, UUID attemptId) {
        LabAttempt attempt = attempts.findById(attemptId)
                .orElseThrow(() -> new AccessControl.NotFound("attempt " + attemptId));
        access.requireOwner(caller, attempt.accountId(), "attempt " + attemptId);
        return attempt;
    }

    @Transactional(readOnly = true)
    public List<LabAttempt> mine(Caller caller) {
        return attempts.findByAccountIdOrderByStartedAt(caller.accountId());
    }

    /** The attempt's sandbox, live or restored; only an attempt in progress has one. */
    public SandboxActor sandbox(Caller caller, UUID attemptId) {
        LabAttempt attempt = get(caller, attemptId);
        if (!attempt.isActive()) {
            throw new IllegalArgumentException("attempt " + attemptId + " has ended; its lab was reset");
        }
        return sessions.open(attempt.id(), origin(attempt));
    }

    /**
     * The sandbox a real client's bearer token opens (Docker Engine API, Kubernetes API): only that
     * attempt's, and only while the attempt is in progress.
     */
    public Optional<SandboxActor> sandboxForToken(String token) {
        return tokens.resolve(token).flatMap(attempts::findById).filter(LabAttempt::isActive)
                .map(attempt -> sessions.open(attempt.id(), origin(attempt)));
    }

    /** Issues a bearer token for the caller's own attempt. */
    public String issueToken(Caller caller, UUID attemptId) {
        return tokens.issue(get(caller, attemptId).id());
    }

    /** Revokes every token of the caller's own attempt. */
    public int revokeTokens(Caller caller, UUID attemptId) {
        return tokens.revokeAll(get(caller, attemptId).id());
    }

    /** Runs one shell line in the attempt's sandbox and waits for its result. */
    public CommandResult run(Caller caller, UUID attemptId, String line) {
        return await(sandbox(caller, attemptId).run(line));
    }

    /**
     * Begins a later step in the caller's sandbox: its starter files appear and its faults strike,
     * journaled, so that a replay (a reload, a restart, resetting the step) brings them back. Once
     * per step: a learner coming back to a step finds their own work, not the starter files again.
     * The first step began with the sandbox.
     */
    public void beginStep(Caller caller, UUID attemptId, String stepId) {
        LabAttempt attempt = get(caller, attemptId);
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElseThrow();
        if (LabCourse.indexOf(steps, stepId) == 0) {
            return;
        }
        SandboxActor sandbox = sessions.open(attempt.id(), origin(attempt));
        if (!await(sandbox.journal()).began(stepId)) {
            await(sandbox.beginStep(stepId));
        }
    }

    /** The step the learner is on: the one begun last, or the first. */
    public String currentStep(Caller caller, UUID attemptId) {
        LabAttempt attempt = get(caller, attemptId);
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElseThrow();
        SandboxActor sandbox = sessions.open(attempt.id(), origin(attempt));
        return await(sandbox.journal()).lastStepBegun()
                .filter(id -> steps.stream().anyMatch(step -> step.id().equals(id)))
                .orElse(steps.isEmpty() ? "" : steps.get(0).id());
    }

    /**
     * Takes the sandbox back to where a step began, and forgets that step's and later steps'
     * completion. Like every method that waits for a sandbox, it holds no transaction meanwhile.
     */
    public void resetStep(Caller caller, UUID attemptId, String stepId) {
        LabAttempt attempt = get(caller, attemptId);
        List<LabCourse.Step> steps = course.steps(attempt.labId()).orElseThrow();
        int index = LabCourse.indexOf(steps, stepId);
        await(sessions.rewind(attempt.id(), origin(attempt), journal -> journal.beforeStep(stepId)));
        transactions.executeWithoutResult(status -> {
            for (LabCourse.Step later : steps.subList(index, steps.size())) {
                completions.deleteByAttemptIdAndStepId(attempt.id(), later.id());
            }
        });
    }

    /** Ends the attempt and starts the lab afresh in a new one. */
    public LabAttempt resetLab(Caller caller, UUID attemptId) {
        LabAttempt attempt = get(caller, attemptId);
        attempt.end(clock.instant());
        attempts.save(attempt);
        sessions.discard(attempt.id());
        return startOrResume(caller, attempt.labId());
    }

    static SandboxOrigin origin(LabAttempt attempt) {
        return new SandboxOrigin(attempt.labId(), attempt.seed(), attempt.startedAt());
    }

    /** Waits for a sandbox's answer, passing on the learner-facing reason if it refused. */
    public static <T> T await(java.util.concurrent.CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
