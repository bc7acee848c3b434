package org.laymanlabs.backend.engineapi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One live sandbox as the Engine API reaches it. The sandbox is an actor (DESIGN.md): every piece
 * of work runs on its own serial executor, one at a time, after the work submitted before it, so
 * that a request from docker never interleaves with the terminal, the grader or another request.
 * A request that changes the sandbox goes in as a {@link #call}, which the sandbox journals like
 * terminal input, so that a restored sandbox has it; reads go in as a {@link #query}, which is not
 * journaled. While the sandbox is live its owner advances its clock in real time, as the server
 * does for the browser; that is what lets a started container run and a {@code wait} end.
 */
public interface SandboxHandle {

    /** The sandbox's id, as the client may name it in the {@code X-Layman-Sandbox} header. */
    String id();

    /** Carries out a changing request with the {@link DockerDispatcher}, journals it, and answers once it is saved. */
    CompletableFuture<ApiResponse> call(ApiRequest request);

    /** Runs {@code read} on the sandbox's thread; it must not change the sandbox, since reads are not journaled. */
    <T> CompletableFuture<T> query(Function<Sandbox, T> read);
}
