package org.laymanlabs.backend.kubeapi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.sandbox.Sandbox;

/** A session's sandbox actor as the Kubernetes API reaches it: reads as queries, changes as journaled calls. */
public record ActorKubeSandbox(String id, SandboxActor actor) implements KubeSandbox {

    @Override
    public <T> CompletableFuture<T> query(Function<Sandbox, T> read) {
        return actor.query(read);
    }

    @Override
    public CompletableFuture<ApiResponse> call(ApiRequest request) {
        return actor.call(request);
    }
}
