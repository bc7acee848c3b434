package org.laymanlabs.backend.engineapi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One live sandbox as the Engine API reaches it. The sandbox is an actor (DESIGN.md): every piece
 * of work runs on its own serial executor, one at a time, after the work submitted before it, so
 * that a request from docker never interleaves with the terminal, the grader or another request.
 * While the sandbox is live its owner advances the sandbox's clock in real time, as the server
 * does for the browser; that is what lets a started container run and a {@code wait} end.
 */
public interface SandboxHandle {

    /** The sandbox's id, as the client may name it in the {@code X-Layman-Sandbox} header. */
    String id();

    /** Runs {@code work} on the sandbox's thread; the future completes with its result or its exception. */
    <T> CompletableFuture<T> submit(Function<Sandbox, T> work);
}
