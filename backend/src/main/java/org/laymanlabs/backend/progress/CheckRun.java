package org.laymanlabs.backend.progress;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One press of "Check my work": a step's checks as the server's grader ran them, when (on the
 * wall clock and on the sandbox's clock), how long grading took, and every result.
 */
@Entity
@Table(name = "check_run")
public class CheckRun {

    @Id
    private UUID id;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(name = "step_id", nullable = false, length = 100)
    private String stepId;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(name = "sandbox_time", nullable = false)
    private Instant sandboxTime;

    @Column(name = "duration_micros", nullable = false)
    private long durationMicros;

    @Column(nullable = false)
    private boolean passed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "check_result", joinColumns = @JoinColumn(name = "check_run_id"))
    @OrderColumn(name = "position")
    private List<CheckResult> results;

    protected CheckRun() {
    }

    CheckRun(UUID attemptId, String stepId, Instant ranAt, Instant sandboxTime, Duration took, List<CheckResult> results) {
        this.id = UUID.randomUUID();
        this.attemptId = attemptId;
        this.stepId = stepId;
        this.ranAt = ranAt;
        this.sandboxTime = sandboxTime;
        this.durationMicros = took.toNanos() / 1_000;
        this.results = List.copyOf(results);
        this.passed = !results.isEmpty() && results.stream().allMatch(CheckResult::passed);
    }

    public UUID id() {
        return id;
    }

    public String stepId() {
        return stepId;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public Instant sandboxTime() {
        return sandboxTime;
    }

    public Duration took() {
        return Duration.ofNanos(durationMicros * 1_000);
    }

    /** True when there were checks and every one passed: a step without checks is never done by grading. */
    public boolean passed() {
        return passed;
    }

    public List<CheckResult> results() {
        return List.copyOf(results);
    }
}
