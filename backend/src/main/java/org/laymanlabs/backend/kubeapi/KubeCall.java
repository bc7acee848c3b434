package org.laymanlabs.backend.kubeapi;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * One admitted request: what was asked, where the answer goes, the sandbox it reads or changes,
 * and the resource its path names. Sandbox work runs on the sandbox's thread and is awaited
 * here, so a handler never touches the sandbox from the connection's thread.
 */
record KubeCall(HttpRequest request, HttpResponse response, InputStream in, KubeSandbox sandbox, ResourcePath path) {

    private static final Duration WORK_LIMIT = Duration.ofMinutes(2);

    /** A read on the sandbox's thread; its ApiException reaches the caller. */
    <T> T query(Function<Sandbox, T> read) {
        return await(sandbox.query(read));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WORK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Reason.INTERNAL_ERROR, "the server is shutting down");
        } catch (TimeoutException e) {
            throw new ApiException(ApiException.Reason.TIMEOUT, "the server was unable to return a response in the time allotted,"
                    + " but may still be processing the request");
        }
    }

    static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
