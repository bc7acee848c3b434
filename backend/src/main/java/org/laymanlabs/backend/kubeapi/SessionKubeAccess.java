package org.laymanlabs.backend.kubeapi;

import java.util.Optional;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.session.SandboxTokens;
import org.springframework.stereotype.Component;

/**
 * The session service's side of {@link KubeAccess}: a learner's token opens the sandbox of the
 * attempt it was issued for, while that attempt is in progress, named by the attempt's id (the
 * {@code /sandboxes/<id>} of their kubeconfig). Declaring it as a bean is what turns the API on.
 */
@Component
public final class SessionKubeAccess implements KubeAccess {

    private final Attempts attempts;
    private final SandboxTokens tokens;

    public SessionKubeAccess(Attempts attempts, SandboxTokens tokens) {
        this.attempts = attempts;
        this.tokens = tokens;
    }

    @Override
    public Optional<KubeSandbox> sandboxFor(String token) {
        return tokens.resolve(token).flatMap(attempt -> attempts.sandboxForToken(token)
                .map(actor -> new ActorKubeSandbox(attempt.toString(), actor)));
    }
}
