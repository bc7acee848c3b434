package org.laymanlabs.backend.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.session.HistoryLine;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A learner's own attempts: their progress, their sandbox's terminal, checks, hints and resets. */
@RestController
@RequestMapping("/api/attempts")
@Tag(name = "Attempts")
class AttemptsApi {

    private final Attempts attempts;
    private final Grading grading;

    AttemptsApi(Attempts attempts, Grading grading) {
        this.attempts = attempts;
        this.grading = grading;
    }

    @GetMapping
    @Operation(summary = "The caller's attempts, oldest first")
    List<ApiViews.AttemptView> mine(Caller caller) {
        return attempts.mine(caller).stream().map(ApiViews.AttemptView::of).toList();
    }

    @GetMapping("/{attemptId}")
    @Operation(summary = "An attempt's progress, step by step")
    AttemptProgress progress(Caller caller, @PathVariable UUID attemptId) {
        return grading.progress(caller, attemptId);
    }

    @PostMapping("/{attemptId}/commands")
    @Operation(summary = "Run one shell line in the attempt's sandbox, as if typed in its terminal")
    ApiViews.CommandResponse run(Caller caller, @PathVariable UUID attemptId, @RequestBody ApiViews.CommandRequest request) {
        if (request.line() == null) {
            throw new IllegalArgumentException("line: the shell line to run is required");
        }
        return ApiViews.CommandResponse.of(attempts.run(caller, attemptId, request.line()));
    }

    @GetMapping("/{attemptId}/history")
    @Operation(summary = "The terminal's history: each line, its output and status (the newest 500)")
    List<HistoryLine> history(Caller caller, @PathVariable UUID attemptId) {
        return Attempts.await(attempts.sandbox(caller, attemptId).history());
    }

    @PostMapping("/{attemptId}/steps/{stepId}/checks")
    @Operation(summary = "Check my work: run the step's checks on the server and record the result")
    ApiViews.CheckRunView check(Caller caller, @PathVariable UUID attemptId, @PathVariable String stepId) {
        return ApiViews.CheckRunView.of(grading.check(caller, attemptId, stepId));
    }

    @GetMapping("/{attemptId}/checks")
    @Operation(summary = "Every check run of the attempt, oldest first")
    List<ApiViews.CheckRunView> checks(Caller caller, @PathVariable UUID attemptId) {
        return grading.runs(caller, attemptId).stream().map(ApiViews.CheckRunView::of).toList();
    }

    @PostMapping("/{attemptId}/steps/{stepId}/hints")
    @Operation(summary = "Reveal the step's next hint; each one is counted")
    Grading.Hint hint(Caller caller, @PathVariable UUID attemptId, @PathVariable String stepId) {
        return grading.nextHint(caller, attemptId, stepId);
    }

    @PostMapping("/{attemptId}/steps/{stepId}/reset")
    @Operation(summary = "Take the sandbox back to where the step began")
    AttemptProgress resetStep(Caller caller, @PathVariable UUID attemptId, @PathVariable String stepId) {
        attempts.resetStep(caller, attemptId, stepId);
        return grading.progress(caller, attemptId);
    }

    @PostMapping("/{attemptId}/reset")
    @Operation(summary = "Start the whole lab over: this attempt ends and a new one begins with a fresh sandbox")
    ApiViews.AttemptView resetLab(Caller caller, @PathVariable UUID attemptId) {
        return ApiViews.AttemptView.of(attempts.resetLab(caller, attemptId));
    }

    @PostMapping("/{attemptId}/tokens")
    @Operation(summary = "Issue a bearer token for real clients (docker, kubectl) to reach this sandbox; shown once")
    ApiViews.TokenView issueToken(Caller caller, @PathVariable UUID attemptId) {
        return new ApiViews.TokenView(attempts.issueToken(caller, attemptId));
    }

    @DeleteMapping("/{attemptId}/tokens")
    @Operation(summary = "Revoke every token of this sandbox")
    ApiViews.RevokedView revokeTokens(Caller caller, @PathVariable UUID attemptId) {
        return new ApiViews.RevokedView(attempts.revokeTokens(caller, attemptId));
    }
}
