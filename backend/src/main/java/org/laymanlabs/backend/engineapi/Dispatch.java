package org.laymanlabs.backend.engineapi;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One changing request being carried out on the sandbox's thread, first when it arrives and again
 * when a restored sandbox replays its journal: the request as it was received, the path's
 * variables, the sandbox and what the API keeps beside it. Its handler answers with a complete
 * {@link ApiResponse}, since a replay must be able to answer the same way without a client.
 */
final class Dispatch {

    final HttpRequest request;
    final Sandbox sandbox;
    final EngineState state;
    private final Matcher path;

    Dispatch(HttpRequest request, Matcher path, Sandbox sandbox, EngineState state) {
        this.request = request;
        this.path = path;
        this.sandbox = sandbox;
        this.state = state;
    }

    /** A path variable, such as the container's name or ID. */
    String var(String name) {
        return path.group(name);
    }

    String param(String name) {
        return request.text(name);
    }

    boolean flag(String name) {
        return request.flag(name);
    }

    /** A JSON value as Go's json.Encoder writes it: compact, then a newline. */
    static ApiResponse json(int status, String json) {
        return body(status, HttpResponse.JSON, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of(), new byte[0]);
    }

    /** moby's error body: {@code {"message":"…"}}. */
    static ApiResponse error(int status, String message) {
        return json(status, "{\"message\":" + HttpResponse.quote(message) + "}");
    }

    static ApiResponse body(int status, String contentType, byte[] body) {
        return new ApiResponse(status, Map.of("content-type", contentType), body);
    }
}
