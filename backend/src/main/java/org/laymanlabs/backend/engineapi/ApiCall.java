package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One routed request: what was asked, the path's variables, where the answer goes, and the
 * sandbox it acts on. Handlers run their sandbox work through {@link #run}, which waits for the
 * sandbox's thread, so a handler never touches the sandbox from the connection's thread.
 */
final class ApiCall {

    private static final Duration WORK_LIMIT = Duration.ofMinutes(2);

    final HttpRequest request;
    final HttpResponse response;
    final SandboxHandle sandbox;
    final EngineState state;
    private final Matcher path;
    private final Socket socket;

    ApiCall(HttpRequest request, HttpResponse response, SandboxHandle sandbox, EngineState state, Matcher path,
            Socket socket) {
        this.request = request;
        this.response = response;
        this.sandbox = sandbox;
        this.state = state;
        this.path = path;
        this.socket = socket;
    }

    /** A path variable, such as the container's name or ID. */
    String var(String name) {
        return path.group(name);
    }

    /** httputils.BoolValue: anything but empty, 0, no, false and none is true. */
    boolean flag(String name) {
        String value = request.param(name).orElse("").trim().toLowerCase(Locale.ROOT);
        return !(value.isEmpty() || value.equals("0") || value.equals("no") || value.equals("false") || value.equals("none"));
    }

    String param(String name) {
        return request.param(name).orElse("");
    }

    /** Runs {@code work} on the sandbox's thread and returns its result; its DaemonException reaches the caller. */
    <T> T run(Function<Sandbox, T> work) {
        return await(sandbox.submit(work));
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
