package org.laymanlabs.sandbox.container.program;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;

/**
 * hashicorp/http-echo 1.0.0: answers every request with {@code -text} and a newline, on
 * {@code -listen} (default :5678), logging each request; without {@code -text} it exits 127 as the
 * real one does. Mirrors hashicorp/http-echo main.go and handlers.go.
 */
final class HttpEcho implements Program {

    @Override
    public Process start(ProcessContext context) {
        String text = null;
        int port = 5678;
        for (String arg : context.argv().subList(1, context.argv().size())) {
            String flag = arg.replaceFirst("^--?", "");
            if (flag.startsWith("text=")) {
                text = flag.substring(5);
            } else if (flag.startsWith("listen=")) {
                port = Integer.parseInt(flag.substring(flag.lastIndexOf(':') + 1));
            }
        }
        if (text == null || text.isEmpty()) {
            context.stderr("Missing -text option!");
            context.exit(127);
            return Process.IGNORES_SIGNALS;
        }
        String body = text + "\n";
        int listenPort = port;
        Optional<String> error = context.listen(port, (raw, peer) -> {
            String now = HttpDates.errorLog(context.clock().now());
            String line = HttpRequest.parse(raw).map(r -> r.method() + " " + r.target() + " " + r.version()).orElse("-");
            String agent = HttpRequest.parse(raw).flatMap(r -> r.header("User-Agent")).orElse("");
            context.stderr(now + " localhost:" + listenPort + " " + peer.address() + ":" + peer.port() + " \"" + line
                    + "\" 200 " + body.length() + " \"" + agent + "\" 21.4µs");
            return HttpResponse.of(200, "OK", List.of(new HttpResponse.Header("X-App-Name", "http-echo"),
                    new HttpResponse.Header("X-App-Version", "1.0.0"),
                    new HttpResponse.Header("Date", HttpDates.http(context.clock().now())),
                    new HttpResponse.Header("Content-Type", "text/plain; charset=utf-8")), body).toWire();
        });
        String now = HttpDates.errorLog(context.clock().now());
        if (error.isPresent()) {
            context.stderr(now + " [ERR] Error starting server: listen tcp :" + port + ": bind: " + error.get().toLowerCase());
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        context.stderr(now + " [INFO] server is listening on :" + port);
        return signal -> {
            if (signal == Signal.SIGTERM || signal == Signal.SIGINT) {
                context.stderr(HttpDates.errorLog(context.clock().now()) + " [INFO] interrupt received, shutting down");
                return OptionalInt.of(0);
            }
            return OptionalInt.empty();
        };
    }
}
