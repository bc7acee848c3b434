package org.laymanlabs.sandbox.net.curl;

/** The request text curl sends: its default headers in its order, then the user's (-H replaces a default). */
final class Requests {

    private Requests() {
    }

    static String build(CurlOptions options, CurlUrl url) {
        String method = options.method().orElse(options.head() ? "HEAD" : options.data().isPresent() ? "POST" : "GET");
        StringBuilder wire = new StringBuilder(method).append(' ').append(url.target()).append(" HTTP/1.1\r\n");
        header(wire, options, "Host", url.hostHeader());
        header(wire, options, "User-Agent", options.userAgent());
        header(wire, options, "Accept", "*/*");
        for (String custom : options.headers()) {
            if (custom.indexOf(':') > 0 && !custom.endsWith(":")) {
                wire.append(custom).append("\r\n");
            }
        }
        options.data().ifPresent(data -> {
            header(wire, options, "Content-Length", String.valueOf(data.length()));
            header(wire, options, "Content-Type", "application/x-www-form-urlencoded");
        });
        wire.append("\r\n");
        options.data().ifPresent(wire::append);
        return wire.toString();
    }

    /** Writes a default header unless the user gave one of that name. */
    private static void header(StringBuilder wire, CurlOptions options, String name, String value) {
        boolean overridden = options.headers().stream()
                .anyMatch(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        if (!overridden) {
            wire.append(name).append(": ").append(value).append("\r\n");
        }
    }
}
