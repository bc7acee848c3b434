package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * One client connection: requests in turn (HTTP/1.1 keep-alive) until the client closes it or a
 * stream takes it over. Each request is let in by its bearer token, as kube-apiserver's
 * authentication and authorization filters do (401 without a valid one; 403 when the URL's
 * {@code /sandboxes/<id>} prefix names a sandbox the token does not open), then routed: health,
 * version and discovery, OpenAPI, and the resources. Reads are queries; changes are journaled calls.
 */
final class KubeConnection implements Runnable {

    private static final Logger LOG = Logger.getLogger(KubeConnection.class.getName());
    private static final Pattern SANDBOX_PREFIX = Pattern.compile("^/sandboxes/([^/]+)(/.*)?$");
    private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Socket socket;
    private final KubeAccess access;

    KubeConnection(Socket socket, KubeAccess access) {
        this.socket = socket;
        this.access = access;
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
                serve(request.get(), response, in);
                open = request.get().keepAlive() && !response.closesConnection();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Kubernetes API connection ended", e);
        }
    }

    private void serve(HttpRequest request, HttpResponse response, InputStream in) throws IOException {
        try {
            Matcher prefixed = SANDBOX_PREFIX.matcher(request.path());
            String path = prefixed.matches() ? Optional.ofNullable(prefixed.group(2)).orElse("/") : request.path();
            String target = prefixed.matches() ? request.target().substring(("/sandboxes/" + prefixed.group(1)).length())
                    : request.target();
            if (HEALTH.contains(path)) {
                response.send(new ApiResponse(200, Map.of("Content-Type", "text/plain; charset=utf-8",
                        "X-Content-Type-Options", "nosniff"), "ok".getBytes(StandardCharsets.US_ASCII)));
                return;
            }
            if (path.equals("/version") || path.equals("/version/")) {
                response.send(Discovery.answer(path, "").orElseThrow());
                return;
            }
            KubeSandbox sandbox = admit(request, prefixed.matches() ? prefixed.group(1) : null, path, response);
            if (sandbox == null) {
                return;
            }
            String accept = request.header("accept").orElse("");
            Optional<ApiResponse> fixed = Discovery.answer(path, accept).or(() -> OpenApi.answer(path));
            if (fixed.isPresent()) {
                response.send(request.method().equals("GET") || request.method().equals("HEAD") ? fixed.get()
                        : Status.methodNotAllowed());
                return;
            }
            Optional<ResourcePath> resource = ResourcePath.parse(path);
            if (resource.isEmpty()) {
                response.send(Status.notFound());
                return;
            }
            route(new KubeCall(request, response, in, sandbox, resource.get()), target);
        } catch (ApiException e) {
            answer(response, Status.failure(e.reason().code(), e.reason().word(), e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Kubernetes API request failed: " + request.method() + " " + request.path(), e);
            answer(response, Status.failure(500, "InternalError", "Internal error occurred: " + e, null));
        }
    }

    private void route(KubeCall call, String target) throws IOException {
        ResourcePath at = call.path();
        HttpRequest request = call.request();
        String sub = at.subresource();
        if (sub.equals("exec")) {
            ExecStream.serve(call, target, socket);
        } else if (sub.equals("log") && request.method().equals("GET")) {
            PodLogs.serve(call);
        } else if (CHANGES.contains(request.method())) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.header("content-type").ifPresent(t -> headers.put("content-type", t));
            ApiRequest change = new ApiRequest(KubeDispatcher.API, request.method(), target, headers, request.body());
            call.response().send(KubeCall.await(call.sandbox().call(change)));
        } else if (!request.method().equals("GET") || (!sub.isEmpty() && !sub.equals("status") && !sub.equals("scale"))) {
            call.response().send(Status.methodNotAllowed());
        } else if (sub.equals("scale")) {
            try {
                call.response().send(Status.json(200, call.query(s -> ScaleSubresource.get(s.cluster().api(), at))));
            } catch (ApiException e) {
                call.response().send(Status.of(e, at.type(), at.name()));
            }
        } else if (request.flag("watch")) {
            WatchStream.serve(call);
        } else {
            boolean table = Tables.wanted(request.header("accept").orElse(""));
            try {
                call.response().send(call.query(s -> at.collection() ? ResourceReads.list(s, at, request, table)
                        : ResourceReads.get(s, at, table)));
            } catch (ApiException e) {
                call.response().send(Status.of(e, at.type(), at.name()));
            }
        }
    }

    /** The token's sandbox, or null once a 401 or 403 has been answered. */
    private KubeSandbox admit(HttpRequest request, String named, String path, HttpResponse response) throws IOException {
        Optional<KubeSandbox> sandbox = request.header("authorization")
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).map(a -> a.substring(7).trim())
                .flatMap(access::sandboxFor);
        if (sandbox.isEmpty()) {
            response.send(Status.failure(401, "Unauthorized", "Unauthorized", null));
            return null;
        }
        if (named != null && !named.equals(sandbox.get().id())) {
            response.send(Status.failure(403, "Forbidden", "forbidden: User \"learner:" + sandbox.get().id()
                    + "\" cannot " + verb(request.method()) + " path \"/sandboxes/" + named + path + "\"",
                    JsonNodeFactory.instance.objectNode()));
            return null;
        }
        return sandbox.get();
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "post";
            case "PUT" -> "put";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "get";
        };
    }

    private static void answer(HttpResponse response, ApiResponse answer) throws IOException {
        if (!response.committed()) {
            response.send(answer);
        }
    }
}
