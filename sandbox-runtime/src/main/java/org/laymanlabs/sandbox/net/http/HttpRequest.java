package org.laymanlabs.sandbox.net.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.x request as it crosses a connection: request line, headers, body (RFC 9112).
 * Header names keep the client's spelling; lookups ignore case.
 */
public record HttpRequest(String method, String target, String version, Map<String, String> headers, String body) {

    public HttpRequest {
        // In the client's order, as a proxy forwards them and toWire writes them (a Map.copyOf
        // iterates in an order that differs from one JVM to the next).
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Parses the text a client wrote; empty if it is not an HTTP request (a server answers 400 then). */
    public static Optional<HttpRequest> parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
        }
        return Optional.of(new HttpRequest(requestLine[0], requestLine[1], requestLine[2], headers, body));
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The path without its query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The text on the wire. */
    public String toWire() {
        StringBuilder wire = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
        headers.forEach((name, value) -> wire.append(name).append(": ").append(value).append("\r\n"));
        return wire.append("\r\n").append(body).toString();
    }
}
