package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * A progress stream of pull, push and build: one JSON message per line, as moby's
 * pkg/streamformatter writes them and docker/cli's pkg/jsonmessage reads them.
 */
final class JsonLines implements AutoCloseable {

    private final OutputStream out;

    JsonLines(HttpResponse response) throws IOException {
        this.out = response.chunked(200, HttpResponse.JSON);
    }

    void send(Obj message) throws IOException {
        out.write((JsonWriter.compact(message) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void status(String status) throws IOException {
        send(Obj.struct().put("status", status).build());
    }

    /** A layer's progress: {@code {"status":"Pull complete","progressDetail":{},"id":"…"}}. */
    void progress(String id, String status) throws IOException {
        send(Obj.struct().put("status", status).put("progressDetail", Obj.struct().build()).put("id", id).build());
    }

    /** An error after the stream began: the client prints it and fails ({@code {"errorDetail":…,"error":…}}). */
    void error(String message, int code) throws IOException {
        Obj.Builder detail = Obj.struct();
        if (code != 0) {
            detail.put("code", code);
        }
        send(Obj.struct().put("errorDetail", detail.put("message", message).build()).put("error", message).build());
    }

    void stream(String text) throws IOException {
        send(Obj.struct().put("stream", text).build());
    }

    void aux(JsonValue value) throws IOException {
        send(Obj.struct().put("aux", value).build());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
