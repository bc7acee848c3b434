package org.laymanlabs.frontend.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabAttempt;
import org.laymanlabs.frontend.account.SignedIn;
import org.springframework.stereotype.Component;

/** The catalog's progress from the signed-in account's own attempts (resetting a lab ends one; the new one counts). */
@Component
class SignedInProgress implements CatalogProgress {

    private final SignedIn signedIn;
    private final Attempts attempts;
    private final Grading grading;

    SignedInProgress(SignedIn signedIn, Attempts attempts, Grading grading) {
        this.signedIn = signedIn;
        this.attempts = attempts;
        this.grading = grading;
    }

    @Override
    public Map<String, AttemptProgress> byLab() {
        return signedIn.caller().map(caller -> attempts.mine(caller).stream()
                        .filter(LabAttempt::isActive)
                        .map(attempt -> grading.progress(caller, attempt.id()))
                        .collect(Collectors.toMap(AttemptProgress::labId, Function.identity(), (a, b) -> b)))
                .orElse(Map.of());
    }
}
