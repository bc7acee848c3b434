package org.laymanlabs.backend.kubeapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.laymanlabs.backend.http.ChunkedOutput;
import org.laymanlabs.backend.session.ApiResponse;

/**
 * Writes the answer to one request as kube-apiserver's Go server does: the headers its filters
 * add (Audit-Id, Cache-Control), then a sized body, a chunked stream (watch, log follow), or a
 * WebSocket upgrade (exec, and watch for fabric8).
 */
final class HttpResponse {

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

    boolean closesConnection() {
        return closesConnection;
    }

    void send(ApiResponse response) throws IOException {
        StringBuilder head = statusLine(response.status());
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!this.head) {
            out.write(response.body());
        }
        out.flush();
    }

    /** A body of unknown length that Go flushes as it goes: chunked; closing the stream sends the last chunk. */
    OutputStream chunked(int status, String contentType) throws IOException {
        StringBuilder head = statusLine(status).append("Content-Type: ").append(contentType).append("\r\n")
                .append("Transfer-Encoding: chunked\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return new ChunkedOutput(out);
    }

    /** 101 Switching Protocols (RFC 6455 §4.2.2); the connection is the WebSocket's from here on. */
    OutputStream webSocket(String accept, String protocol) throws IOException {
        committed = true;
        closesConnection = true;
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n"
                + (protocol.isEmpty() ? "" : "Sec-WebSocket-Protocol: " + protocol + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return out;
    }

    private StringBuilder statusLine(int status) {
        committed = true;
        return new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Audit-Id: ").append(UUID.randomUUID()).append("\r\n")
                .append("Cache-Control: no-cache, private\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
    }

    static String reason(int status) {
        return switch (status) {
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
