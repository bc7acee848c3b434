package org.laymanlabs.sandbox.container.program;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;

/**
 * python3 as a container's process: {@code -m http.server [port]} serves the working directory
 * as CPython 3.12's http/server.py does (SimpleHTTP/0.6, directory listings, its error page,
 * a request log on stderr); anything else exits at once, like a REPL with no terminal. Its
 * "Serving HTTP" banner goes to a block-buffered stdout and so never reaches {@code docker logs}
 * unless PYTHONUNBUFFERED is set, as learners are surprised to find.
 */
final class Python implements Program {

    private static final String SERVER = "SimpleHTTP/0.6 Python/3.12.11";
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public Process start(ProcessContext context) {
        List<String> args = context.argv();
        if (args.size() < 3 || !args.get(1).equals("-m") || !args.get(2).equals("http.server")) {
            context.exit(0);
            return Process.IGNORES_SIGNALS;
        }
        int port = args.size() > 3 ? Integer.parseInt(args.get(3)) : 8000;
        String root = context.workingDir();
        Optional<String> error = context.listen(port, (raw, peer) -> {
            Optional<HttpRequest> request = HttpRequest.parse(raw);
            HttpResponse response = request.map(r -> respond(context, root, r)).orElseGet(() -> error(context, 400, "Bad Request"));
            context.stderr(peer.address() + " - - [" + LOG_TIME.format(context.clock().now()) + "] \""
                    + request.map(r -> r.method() + " " + r.target() + " " + r.version()).orElse("") + "\" "
                    + response.status() + " -");
            return response.toWire();
        });
        if (error.isPresent()) {
            context.stderr("OSError: [Errno 98] " + error.get());
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        if (context.env().containsKey("PYTHONUNBUFFERED")) {
            context.stdout("Serving HTTP on 0.0.0.0 port " + port + " (http://0.0.0.0:" + port + "/) ...");
        }
        return Process.IGNORES_SIGNALS;
    }

    private static HttpResponse respond(ProcessContext context, String root, HttpRequest request) {
        String path = (root.equals("/") ? "" : root) + request.path();
        if (context.files().isDirectory(path)) {
            if (context.files().exists(path + (path.endsWith("/") ? "" : "/") + "index.html")) {
                return file(context, path + (path.endsWith("/") ? "" : "/") + "index.html");
            }
            return listing(context, path, request.path());
        }
        if (!context.files().exists(path)) {
            return error(context, 404, "File not found");
        }
        return file(context, path);
    }

    private static HttpResponse file(ProcessContext context, String path) {
        String body = context.files().read(path);
        String type = path.endsWith(".html") ? "text/html" : path.endsWith(".txt") ? "text/plain" : "application/octet-stream";
        return response(context, 200, "OK", type, body);
    }

    private static HttpResponse listing(ProcessContext context, String path, String shown) {
        StringBuilder html = new StringBuilder("<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Directory listing for " + shown + "</title>\n</head>\n<body>\n<h1>Directory listing for "
                + shown + "</h1>\n<hr>\n<ul>\n");
        for (String name : context.files().list(path)) {
            String display = context.files().isDirectory(path + "/" + name) ? name + "/" : name;
            html.append("<li><a href=\"").append(display).append("\">").append(display).append("</a></li>\n");
        }
        html.append("</ul>\n<hr>\n</body>\n</html>\n");
        return response(context, 200, "OK", "text/html; charset=utf-8", html.toString());
    }

    private static HttpResponse error(ProcessContext context, int code, String message) {
        String body = "<!DOCTYPE HTML>\n<html lang=\"en\">\n    <head>\n        <meta charset=\"utf-8\">\n"
                + "        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n"
                + "        <p>Error code: " + code + "</p>\n        <p>Message: " + message + ".</p>\n"
                + "        <p>Error code explanation: " + code + " - Nothing matches the given URI.</p>\n    </body>\n</html>\n";
        return new HttpResponse("HTTP/1.0", code, message, List.of(new HttpResponse.Header("Server", SERVER),
                new HttpResponse.Header("Date", HttpDates.http(context.clock().now())),
                new HttpResponse.Header("Connection", "close"),
                new HttpResponse.Header("Content-Type", "text/html;charset=utf-8"),
                new HttpResponse.Header("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))), body);
    }

    private static HttpResponse response(ProcessContext context, int code, String reason, String type, String body) {
        return new HttpResponse("HTTP/1.0", code, reason, List.of(new HttpResponse.Header("Server", SERVER),
                new HttpResponse.Header("Date", HttpDates.http(context.clock().now())),
                new HttpResponse.Header("Content-type", type),
                new HttpResponse.Header("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))), body);
    }
}
