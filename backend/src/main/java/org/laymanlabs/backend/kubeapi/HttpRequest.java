package org.laymanlabs.backend.kubeapi;

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

/**
 * One HTTP/1.1 request as kubectl or fabric8 sends it, with its whole body: kube-apiserver reads a
 * request body at once too, and refuses one over 3 MiB (the limit of a request it decodes).
 *
 * @param target the path plus query exactly as sent, as the journal keeps it
 * @param path   the decoded path
 * @param query  each query parameter's values, in order
 */
record HttpRequest(String method, String target, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body) {

    static final int MAX_BODY = 3 * 1024 * 1024;
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
        String target = parts[1];
        int q = target.indexOf('?');
        String path = URLDecoder.decode((q < 0 ? target : target.substring(0, q)).replace("+", "%2B"), StandardCharsets.UTF_8);
        return Optional.of(new HttpRequest(parts[0], target, path, q < 0 ? Map.of() : query(target.substring(q + 1)), headers,
                body(in, headers)));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A Go strconv.ParseBool-true query flag ("true", "1", "t"). */
    boolean flag(String name) {
        return param(name).map(v -> v.equals("true") || v.equals("1") || v.equalsIgnoreCase("t")).orElse(false);
    }

    /** A WebSocket handshake (RFC 6455 §4.1), as kubectl's exec and fabric8's watch and exec open one. */
    boolean wantsWebSocket() {
        return header("upgrade").map(u -> u.equalsIgnoreCase("websocket")).orElse(false);
    }

    boolean keepAlive() {
        return !header("connection").map(c -> c.equalsIgnoreCase("close")).orElse(false);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = line(in); size != null; size = line(in)) {
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (size != null && !size.isEmpty()) {
                        size = line(in);
                    }
                    break;
                }
                if (body.size() + length > MAX_BODY) {
                    throw new IOException("request body too large");
                }
                body.write(in.readNBytes(length));
                line(in);
            }
            return body.toByteArray();
        }
        long length = Long.parseLong(headers.getOrDefault("content-length", "0").trim());
        if (length > MAX_BODY) {
            throw new IOException("request body too large");
        }
        return in.readNBytes((int) length);
    }

    /** A query string's parameters, each with all its values (exec repeats {@code command}). */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                query.computeIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>()).add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** A CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
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
