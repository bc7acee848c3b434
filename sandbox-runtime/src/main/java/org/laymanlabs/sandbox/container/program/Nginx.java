package org.laymanlabs.sandbox.container.program;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;

/**
 * nginx as the official image (1.27.5) or a distribution's package runs it: reads where to listen
 * and what to serve from its configuration ({@link NginxConfig}), serves files from the container's own root (so a file changed
 * with {@code docker exec} is served at once), answers with nginx's headers and error pages, logs
 * each request in the "main" (combined) format to stdout, and shuts down gracefully on SIGQUIT,
 * its image's STOPSIGNAL.
 */
final class Nginx implements Program {

    static final String VERSION = "nginx/1.27.5";
    private static final int WORKER_PID = 29;
    private static final String[] CACHE_DIRS = {"client_temp", "proxy_temp", "fastcgi_temp", "uwsgi_temp", "scgi_temp"};

    @Override
    public Process start(ProcessContext context) {
        if (context.argv().contains("-v")) {
            context.stderr("nginx version: " + VERSION);
            context.exit(0);
            return Process.IGNORES_SIGNALS;
        }
        NginxConfig config = NginxConfig.read(context.files());
        int port = config.port();
        prepareRuntimeFiles(context);
        Optional<String> bindError = context.listen(port, (request, peer) -> serve(context, config, request, peer));
        String now = HttpDates.errorLog(context.clock().now());
        if (bindError.isPresent()) {
            context.stderr(now + " [emerg] 1#1: bind() to 0.0.0.0:" + port + " failed (98: " + bindError.get() + ")");
            context.stderr("nginx: [emerg] bind() to 0.0.0.0:" + port + " failed (98: " + bindError.get() + ")");
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        for (String notice : List.of("using the \"epoll\" event method", config.server(),
                "built by gcc 12.2.0 (Debian 12.2.0-14) ", "OS: Linux 6.8.0-60-generic",
                "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes", "start worker process " + WORKER_PID)) {
            context.stderr(now + " [notice] 1#1: " + notice);
        }
        return signal -> stop(context, signal);
    }

    /** What nginx creates when it starts: its pid file and temp directories (seen in {@code docker diff}). */
    private static void prepareRuntimeFiles(ProcessContext context) {
        if (context.files().isDirectory("/run")) {
            context.files().write("/run/nginx.pid", "1\n");
        }
        if (context.files().isDirectory("/var/cache/nginx")) {
            for (String dir : CACHE_DIRS) {
                context.files().mkdir("/var/cache/nginx/" + dir, true);
            }
        }
    }

    private static OptionalInt stop(ProcessContext context, Signal signal) {
        String now = HttpDates.errorLog(context.clock().now());
        String w = " [notice] " + WORKER_PID + "#" + WORKER_PID + ": ";
        switch (signal) {
            case SIGQUIT -> {
                context.stderr(now + " [notice] 1#1: signal 3 (SIGQUIT) received, shutting down");
                context.stderr(now + w + "gracefully shutting down");
                context.stderr(now + w + "exiting");
                context.stderr(now + w + "exit");
            }
            case SIGTERM, SIGINT -> context.stderr(now + " [notice] 1#1: signal " + signal.number() + " (" + signal.name()
                    + ") received, exiting");
            default -> {
                return OptionalInt.empty();
            }
        }
        context.stderr(now + " [notice] 1#1: signal 17 (SIGCHLD) received from " + WORKER_PID);
        context.stderr(now + " [notice] 1#1: worker process " + WORKER_PID + " exited with code 0");
        context.stderr(now + " [notice] 1#1: exit");
        return OptionalInt.of(0);
    }

    private static String serve(ProcessContext context, NginxConfig config, String raw, ConnectionHandler.Peer peer) {
        Instant now = context.clock().now();
        Optional<HttpRequest> parsed = HttpRequest.parse(raw);
        HttpResponse response = parsed.map(r -> respond(context, config, r, now))
                .orElseGet(() -> error(400, "Bad Request", now, false, config.server()));
        String requestLine = parsed.map(r -> r.method() + " " + r.target() + " " + r.version()).orElse("-");
        String agent = parsed.flatMap(r -> r.header("User-Agent")).orElse("-");
        String referer = parsed.flatMap(r -> r.header("Referer")).orElse("-");
        context.stdout(peer.address() + " - - [" + HttpDates.accessLog(now) + "] \"" + requestLine + "\" "
                + response.status() + " " + response.body().getBytes(StandardCharsets.UTF_8).length + " \"" + referer
                + "\" \"" + agent + "\" \"-\"");
        if (parsed.isPresent() && parsed.get().method().equals("HEAD")) {
            return new HttpResponse(response.version(), response.status(), response.reason(), response.headers(), "").toWire();
        }
        return response.toWire();
    }

    private static HttpResponse respond(ProcessContext context, NginxConfig config, HttpRequest request, Instant now) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "Not Allowed", now, true, config.server());
        }
        String path = config.root() + request.path();
        if (context.files().isDirectory(path)) {
            if (!request.path().endsWith("/")) {
                return error(301, "Moved Permanently", now, true, config.server());
            }
            String directory = path;
            path = config.indexes().stream().map(index -> directory + index)
                    .filter(candidate -> context.files().exists(candidate)).findFirst()
                    .orElse(directory + config.indexes().get(0));
        }
        if (!context.files().exists(path) || context.files().isDirectory(path)) {
            return error(404, "Not Found", now, true, config.server());
        }
        String body = context.files().read(path);
        Instant modified = Instant.parse("2025-04-16T12:01:11Z");
        String etag = "\"" + Long.toHexString(modified.getEpochSecond()) + "-"
                + Long.toHexString(body.getBytes(StandardCharsets.UTF_8).length) + "\"";
        return new HttpResponse("HTTP/1.1", 200, "OK", List.of(
                new HttpResponse.Header("Server", config.server()),
                new HttpResponse.Header("Date", HttpDates.http(now)),
                new HttpResponse.Header("Content-Type", contentType(path)),
                new HttpResponse.Header("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)),
                new HttpResponse.Header("Last-Modified", HttpDates.http(modified)),
                new HttpResponse.Header("Connection", "keep-alive"),
                new HttpResponse.Header("ETag", etag),
                new HttpResponse.Header("Accept-Ranges", "bytes")), body);
    }

    /** nginx's built-in error page (ngx_http_special_response.c). */
    private static HttpResponse error(int status, String reason, Instant now, boolean keepAlive, String server) {
        String title = status + " " + reason;
        String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>" + server + "</center>\r\n</body>\r\n</html>\r\n";
        return new HttpResponse("HTTP/1.1", status, reason, List.of(
                new HttpResponse.Header("Server", server),
                new HttpResponse.Header("Date", HttpDates.http(now)),
                new HttpResponse.Header("Content-Type", "text/html"),
                new HttpResponse.Header("Content-Length", String.valueOf(body.length())),
                new HttpResponse.Header("Connection", keepAlive ? "keep-alive" : "close")), body);
    }

    private static String contentType(String path) {
        if (path.endsWith(".html") || path.endsWith(".htm")) {
            return "text/html";
        } else if (path.endsWith(".css")) {
            return "text/css";
        } else if (path.endsWith(".js")) {
            return "application/javascript";
        } else if (path.endsWith(".json")) {
            return "application/json";
        } else if (path.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
