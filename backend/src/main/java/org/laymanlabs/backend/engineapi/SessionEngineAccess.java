package org.laymanlabs.backend.engineapi;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxTokens;
import org.laymanlabs.sandbox.Sandbox;
import org.springframework.stereotype.Component;

/**
 * The Engine API's access port over the learners' sessions: a token opens the live sandbox of the
 * attempt it was issued for, while that attempt is in progress ({@link Attempts#sandboxForToken}).
 * Changes go in as the actor's journaled calls and reads as its queries, so what docker does is
 * in the sandbox's snapshot; each request counts as the learner using the sandbox, so its clock runs.
 */
@Component
class SessionEngineAccess implements EngineAccess {

    private final Attempts attempts;
    private final SandboxTokens tokens;

    SessionEngineAccess(Attempts attempts, SandboxTokens tokens) {
        this.attempts = attempts;
        this.tokens = tokens;
    }

    @Override
    public Optional<SandboxHandle> sandboxFor(String token) {
        Optional<UUID> attempt = tokens.resolve(token);
        return attempt.flatMap(id -> attempts.sandboxForToken(token).map(actor -> new ActorHandle(id.toString(), actor)));
    }

    /** A session's sandbox actor as the Engine API reaches it; its id is the attempt's. */
    private record ActorHandle(String id, SandboxActor actor) implements SandboxHandle {

        @Override
        public CompletableFuture<ApiResponse> call(ApiRequest request) {
            return actor.call(request);
        }

        @Override
        public <T> CompletableFuture<T> query(Function<Sandbox, T> read) {
            return actor.query(read);
        }
    }
}
