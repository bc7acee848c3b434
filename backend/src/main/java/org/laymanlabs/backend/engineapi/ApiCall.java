package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One routed request: what was asked, the path's variables, where the answer goes, and the
 * sandbox it acts on. Handlers read the sandbox through {@link #read}, which waits for the
 * sandbox's thread, so a handler never touches the sandbox from the connection's thread; a
 * changing request is {@link #forward forwarded} whole to the sandbox, which journals it.
 */
final class ApiCall {

    private static final Duration WORK_LIMIT = Duration.ofMinutes(2);
    /** The largest body a changing request may carry: it is journaled, and a build context is the largest. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    final HttpRequest request;
    final HttpResponse response;
    final SandboxHandle sandbox;
    final DockerDispatcher dispatcher;
    private final Matcher path;
    private final Socket socket;

    ApiCall(HttpRequest request, HttpResponse response, SandboxHandle sandbox, DockerDispatcher dispatcher, Matcher path,
            Socket socket) {
        this.request = request;
        this.response = response;
        this.sandbox = sandbox;
        this.dispatcher = dispatcher;
        this.path = path;
        this.socket = socket;
    }

    /** A path variable, such as the container's name or ID. */
    String var(String name) {
        return path.group(name);
    }

    boolean flag(String name) {
        return request.flag(name);
    }

    String param(String name) {
        return request.text(name);
    }

    /** Runs {@code read} on the sandbox's thread and returns its result; its DaemonException reaches the caller. */
    <T> T read(Function<Sandbox, T> read) {
        return await(sandbox.query(read));
    }

    /** What the API keeps beside the sandbox (its exec instances); only on the sandbox's thread, inside {@link #read}. */
    EngineState state(Sandbox on) {
        return dispatcher.state(on);
    }

    /**
     * Sends the request to the sandbox as the journal keeps it (the target as received, the
     * content type, the whole body) and waits for the answer, which comes once it is saved.
     */
    ApiResponse journaled() throws IOException {
        byte[] body = request.body().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw ApiException.badRequest("the request is larger than the sandbox takes (" + MAX_BODY / (1024 * 1024)
                    + " MB); leave big files out of a build context with a .dockerignore");
        }
        Map<String, String> headers = request.header("content-type").map(t -> Map.of("content-type", t)).orElse(Map.of());
        return await(sandbox.call(new ApiRequest(DockerDispatcher.API, request.method(), request.target(), headers, body)));
    }

    /** A changing request's whole handling: journaled, then answered as the sandbox answered. */
    void forward() throws IOException {
        response.answer(journaled());
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
            throw new ApiException(503, "the server is shutting down");
        } catch (TimeoutException e) {
            throw new ApiException(503, "the sandbox did not answer within " + WORK_LIMIT.toSeconds() + "s");
        }
    }

    /**
     * Waits for {@code done} while watching the connection: a client that hangs up (the CLI cancels
     * its wait once a detached run has started) ends the wait, and so returns false.
     */
    boolean awaitWhileConnected(CompletableFuture<?> done) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        try {
            while (!done.isDone()) {
                try {
                    if (in.read() == -1) {
                        return false;
                    }
                } catch (SocketTimeoutException e) {
                    // Nothing from the client: it is still waiting.
                }
            }
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }
}
