package org.laymanlabs.backend.engineapi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.backend.session.ApiRequest;

/**
 * One HTTP/1.1 request as a Docker client sends it: the request line, the headers, and a body
 * that is read on demand, sized by Content-Length or chunked (the CLI streams a build context so).
 * Mirrors what Go's net/http server hands moby's routers.
 *
 * @param target the path and query exactly as received, which the journal keeps
 * @param path   the decoded path, with any {@code /vX.Y} prefix still on it
 * @param query  each query parameter's values, in order
 */
record HttpRequest(String method, String target, String path, Map<String, List<String>> query,
                   Map<String, String> headers, InputStream body) {

    private static final int MAX_LINE = 64 * 1024;

    /** The next request on the connection, or empty when the client closed it between requests. */
    static Optional<HttpRequest> read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return Optional.empty();
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new IOException("malformed request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        return Optional.of(of(parts[0], parts[1], headers, body(in, headers)));
    }

    /** A journaled request, read again as it was when it arrived: on replay, or when it is first carried out. */
    static HttpRequest of(ApiRequest request) {
        return of(request.method(), request.target(), request.headers(), new ByteArrayInputStream(request.body()));
    }

    private static HttpRequest of(String method, String target, Map<String, String> headers, InputStream body) {
        int q = target.indexOf('?');
        String path = decode(q < 0 ? target : target.substring(0, q));
        Map<String, List<String>> query = q < 0 ? Map.of() : query(target.substring(q + 1));
        return new HttpRequest(method, target, path, query, headers, body);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a query parameter, or empty. */
    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A query parameter's first value, or empty text. */
    String text(String name) {
        return param(name).orElse("");
    }

    /** httputils.BoolValue: anything but empty, 0, no, false and none is true. */
    boolean flag(String name) {
        String value = text(name).trim().toLowerCase(Locale.ROOT);
        return !(value.isEmpty() || value.equals("0") || value.equals("no") || value.equals("false") || value.equals("none"));
    }

    /** Whether the client asked to take over the connection ({@code Upgrade: tcp}), as the CLI does for attach and exec. */
    boolean wantsUpgrade() {
        return header("upgrade").isPresent() && header("connection").map(c -> c.toLowerCase(Locale.ROOT).contains("upgrade"))
                .orElse(false);
    }

    boolean keepAlive() {
        return !header("connection").map(c -> c.equalsIgnoreCase("close")).orElse(false);
    }

    /** The whole body, refusing one larger than {@code limit} bytes. */
    byte[] readBody(int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IOException("request body larger than " + limit + " bytes");
        }
        return bytes;
    }

    /** Reads what is left of the body, so that the next request on the connection starts where it should. */
    void drain() throws IOException {
        body.transferTo(java.io.OutputStream.nullOutputStream());
    }

    private static InputStream body(InputStream in, Map<String, String> headers) {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedBody(in);
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0").trim());
        return new BoundedBody(in, length);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** A path's escapes; a {@code +} in a path is itself, unlike in a query. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
