package org.laymanlabs.sandbox.net.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An HTTP/1.x response: status line, headers in the server's order, body. */
public record HttpResponse(String version, int status, String reason, List<Header> headers, String body) {

    public record Header(String name, String value) { }

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    /** A response with Content-Length (and the given headers before it), as most servers send. */
    public static HttpResponse of(int status, String reason, List<Header> headers, String body) {
        List<Header> all = new ArrayList<>(headers);
        all.add(new Header("Content-Length", String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
        return new HttpResponse("HTTP/1.1", status, reason, all, body);
    }

    public static Optional<HttpResponse> parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("[0-9]{3}")) {
            return Optional.empty();
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
        }
        return Optional.of(new HttpResponse(status[0], Integer.parseInt(status[1]),
                status.length > 2 ? status[2] : "", headers, text.substring(end + 4)));
    }

    public Optional<String> header(String name) {
        return headers.stream()
                .filter(h -> h.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Header::value)
                .findFirst();
    }

    public String statusLine() {
        return version + " " + status + (reason.isEmpty() ? "" : " " + reason);
    }

    public String toWire() {
        StringBuilder wire = new StringBuilder(statusLine()).append("\r\n");
        headers.forEach(h -> wire.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        return wire.append("\r\n").append(body).toString();
    }
}
