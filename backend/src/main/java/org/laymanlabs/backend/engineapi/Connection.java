package org.laymanlabs.backend.engineapi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.laymanlabs.sandbox.image.DaemonException;

/**
 * One client connection: requests in turn (HTTP/1.1 keep-alive) until the client closes it or a
 * stream takes it over. Each request is let in by its token (401 without a valid one, 403 when it
 * names a sandbox the token does not open), routed, and answered, errors as moby answers them.
 */
final class Connection implements Runnable {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    static final String SANDBOX_HEADER = "X-Layman-Sandbox";

    private final Socket socket;
    private final EngineAccess access;
    private final Routes routes;
    private final DockerDispatcher dispatcher;

    Connection(Socket socket, EngineAccess access, Routes routes, DockerDispatcher dispatcher) {
        this.socket = socket;
        this.access = access;
        this.routes = routes;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean open = true;
            while (open) {
                Optional<HttpRequest> request = HttpRequest.read(in);
                if (request.isEmpty()) {
                    return;
                }
                HttpResponse response = new HttpResponse(out, request.get().method().equals("HEAD"));
                serve(request.get(), response);
                request.get().drain();
                open = request.get().keepAlive() && !response.closesConnection();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Engine API connection ended", e);
        }
    }

    private void serve(HttpRequest request, HttpResponse response) throws IOException {
        try {
            SandboxHandle sandbox = admit(request);
            ApiVersion version = ApiVersion.split(request.path());
            Routes.Match match = routes.find(request.method(), version.path())
                    .orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND, "page not found"));
            match.route().handler().handle(new ApiCall(request, response, sandbox, dispatcher, match.path(),
                    socket));
        } catch (DaemonException e) {
            answer(response, e.kind().httpStatus(), e.getMessage());
        } catch (ApiException e) {
            answer(response, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Engine API request failed: " + request.method() + " " + request.path(), e);
            answer(response, 500, "the sandbox could not serve this request (" + e.getClass().getSimpleName()
                    + "); please report it with the command you ran");
        }
    }

    /** Errors are answered as long as nothing else was; a stream that fails midway just ends. */
    private static void answer(HttpResponse response, int status, String message) throws IOException {
        if (!response.committed()) {
            response.error(status, message);
        }
    }

    private SandboxHandle admit(HttpRequest request) {
        String token = request.header("authorization").filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim()).orElseThrow(() -> new ApiException(401,
                        "this Engine API needs your sandbox's token: add \"HttpHeaders\": {\"Authorization\": \"Bearer"
                                + " <token>\"} to the config.json in DOCKER_CONFIG, as docs/use-your-own-docker-cli.md shows"));
        SandboxHandle sandbox = access.sandboxFor(token).orElseThrow(() -> new ApiException(401,
                "the sandbox token is not valid (it was revoked, or its lab was reset): issue a new one for the lab in progress"));
        Optional<String> named = request.header(SANDBOX_HEADER);
        if (named.isPresent() && !named.get().equals(sandbox.id())) {
            throw new ApiException(403, "this token does not open sandbox " + named.get());
        }
        return sandbox;
    }
}
