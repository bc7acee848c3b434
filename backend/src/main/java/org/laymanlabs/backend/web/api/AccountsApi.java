package org.laymanlabs.backend.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signing up, who am I, and all my progress. */
@RestController
@Tag(name = "Accounts")
class AccountsApi {

    private final Accounts accounts;
    private final Attempts attempts;
    private final Grading grading;

    AccountsApi(Accounts accounts, Attempts attempts, Grading grading) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.grading = grading;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign up as a learner, when the operator allows self-registration")
    ApiViews.AccountView register(@RequestBody ApiViews.Registration registration) {
        return ApiViews.AccountView.of(accounts.register(registration.username(), registration.password()));
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in account")
    ApiViews.AccountView me(Caller caller) {
        return accounts.find(caller.accountId()).map(ApiViews.AccountView::of)
                .orElseThrow(() -> new AccessControl.NotFound("account " + caller.username()));
    }

    @GetMapping("/api/progress")
    @Operation(summary = "The caller's progress in every lab they started")
    List<AttemptProgress> progress(Caller caller) {
        return attempts.mine(caller).stream().map(a -> grading.progress(caller, a.id())).toList();
    }
}
