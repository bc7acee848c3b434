package org.laymanlabs.backend.engineapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * A progress stream of pull, push and build: one JSON message per line, as moby's
 * pkg/streamformatter writes them and docker/cli's pkg/jsonmessage reads them. The work is done before its
 * first line is due, so the stream is gathered whole and answered as one body.
 */
final class JsonLines {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void send(Obj message) {
        out.writeBytes((JsonWriter.compact(message) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void status(String status) {
        send(Obj.struct().put("status", status).build());
    }

    /** A layer's progress: {@code {"status":"Pull complete","progressDetail":{},"id":"…"}}. */
    void progress(String id, String status) {
        send(Obj.struct().put("status", status).put("progressDetail", Obj.struct().build()).put("id", id).build());
    }

    /** An error after the stream began: the client prints it and fails ({@code {"errorDetail":…,"error":…}}). */
    void error(String message, int code) {
        Obj.Builder detail = Obj.struct();
        if (code != 0) {
            detail.put("code", code);
        }
        send(Obj.struct().put("errorDetail", detail.put("message", message).build()).put("error", message).build());
    }

    void stream(String text) {
        send(Obj.struct().put("stream", text).build());
    }

    void aux(JsonValue value) {
        send(Obj.struct().put("aux", value).build());
    }

    /** The whole stream as the 200 answer it is; the messages are all known by the time the work is done. */
    ApiResponse response() {
        return Dispatch.body(200, HttpResponse.JSON, out.toByteArray());
    }
}
