package org.laymanlabs.sandbox.kube.dns;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;

/**
 * The small HTTP servers of CoreDNS's health, ready and prometheus plugins: Go's net/http, a
 * 200 with the plugin's text on its one path and Go's 404 page elsewhere.
 */
record Http(Paths paths) implements ConnectionHandler {

    /** A plugin's one page by path; kept by the listening socket, so serializable. */
    interface Paths extends Function<String, Optional<String>>, java.io.Serializable {
    }

    /**
     * A page whose text never changes (health's and ready's "OK"). A value rather than a lambda that
     * captures nothing: such a lambda is one instance for the whole JVM, which a checkpoint reads
     * back as a copy, so a CoreDNS started after a restore would hold the JVM's beside it.
     */
    record Fixed(String path, String text) implements Paths {
        @Override
        public Optional<String> apply(String requested) {
            return requested.equals(path) ? Optional.of(text) : Optional.empty();
        }
    }

    @Override
    public String handle(String request, Peer peer) {
        Optional<String> body = HttpRequest.parse(request).flatMap(r -> paths.apply(r.path()));
        if (body.isPresent()) {
            return HttpResponse.of(200, "OK", List.of(new HttpResponse.Header("Content-Type", "text/plain; charset=utf-8")),
                    body.get()).toWire();
        }
        return HttpResponse.of(404, "Not Found", List.of(new HttpResponse.Header("Content-Type", "text/plain; charset=utf-8"),
                new HttpResponse.Header("X-Content-Type-Options", "nosniff")), "404 page not found\n").toWire();
    }
}
