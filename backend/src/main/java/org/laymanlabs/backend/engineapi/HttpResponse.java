package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.laymanlabs.backend.http.ChunkedOutput;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.docker.VersionCommand;

/**
 * Writes the answer to one request as dockerd's Go server does: the headers moby's version
 * middleware adds to every response, then a sized body, a chunked stream, or a hijacked
 * connection (api/server/middleware/version.go, httputils.WriteJSON, router/container/exec.go).
 */
final class HttpResponse {

    static final String JSON = "application/json";
    static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    static final String RAW = "application/vnd.docker.raw-stream";

    private final OutputStream out;
    private final boolean head;
    private boolean committed;
    private boolean closesConnection;

    HttpResponse(OutputStream out, boolean head) {
        this.out = out;
        this.head = head;
    }

    boolean committed() {
        return committed;
    }

    /** Whether the connection must end after this response (a hijacked or close-delimited stream). */
    boolean closesConnection() {
        return closesConnection;
    }

    /** A JSON value as Go's json.Encoder writes it: compact, then a newline. */
    void json(int status, String json) throws IOException {
        body(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** moby's error body: {@code {"message":"…"}}. */
    void error(int status, String message) throws IOException {
        json(status, "{\"message\":" + quote(message) + "}");
    }

    /** What the sandbox answered a journaled request. */
    void answer(ApiResponse answer) throws IOException {
        body(answer.status(), answer.headers().get("content-type"), answer.body(), Map.of());
    }

    void empty(int status) throws IOException {
        body(status, null, new byte[0], Map.of());
    }

    void body(int status, String contentType, byte[] bytes, Map<String, String> extra) throws IOException {
        StringBuilder head = statusLine(status);
        extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!this.head) {
            out.write(bytes);
        }
        out.flush();
    }

    /** A body of unknown length, as Go sends one it flushes as it goes: chunked; close the stream to end it. */
    OutputStream chunked(int status, String contentType) throws IOException {
        StringBuilder head = statusLine(status).append("Content-Type: ").append(contentType).append("\r\n")
                .append("Transfer-Encoding: chunked\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return new ChunkedOutput(out);
    }

    /**
     * Takes over the connection for attach and exec start. With {@code Upgrade: tcp} the client gets
     * {@code 101 UPGRADED}; without it (docker-java) a 200 whose body runs until the connection closes.
     */
    OutputStream hijack(boolean upgrade, String contentType) throws IOException {
        committed = true;
        closesConnection = true;
        String head = upgrade
                ? "HTTP/1.1 101 UPGRADED\r\nContent-Type: " + contentType + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return out;
    }

    private StringBuilder statusLine(int status) {
        committed = true;
        return new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Api-Version: ").append(VersionCommand.API_VERSION).append("\r\n")
                .append("Docker-Experimental: false\r\n")
                .append("Ostype: linux\r\n")
                .append("Server: Docker/").append(VersionCommand.ENGINE_VERSION).append(" (linux)\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        org.laymanlabs.sandbox.image.json.JsonWriter.quote(quoted, text);
        return quoted.toString();
    }
}
