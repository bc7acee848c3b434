package org.laymanlabs.backend.kubeapi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One live sandbox as the Kubernetes API reaches it: an actor (DESIGN.md) whose work runs on its
 * own thread, one piece at a time. Reads (get, list, watch, logs) are queries; a request that
 * changes the sandbox is a journaled call, so that a snapshot replays it. While the sandbox is
 * live its owner advances its clock in real time, which is what makes a Deployment become Ready
 * while kubectl waits for it.
 */
public interface KubeSandbox {

    /** The sandbox's id, as the kubeconfig's server URL names it ({@code /sandboxes/<id>}). */
    String id();

    /** Runs {@code read} on the sandbox's thread; it must not change the sandbox, since reads are not journaled. */
    <T> CompletableFuture<T> query(Function<Sandbox, T> read);

    /** Journals and runs one changing request with the {@link KubeDispatcher}, on the sandbox's thread. */
    CompletableFuture<ApiResponse> call(ApiRequest request);
}
