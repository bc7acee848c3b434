package org.laymanlabs.sandbox.kube.ingress;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;

/**
 * The nginx of ingress-nginx, per request: picks the location ({@link Routes}), then a pod of
 * its upstream in turn (the Lua balancer's round_robin), and proxies the request to that pod's
 * address with the headers ingress-nginx's template sets (X-Request-ID, X-Real-IP,
 * X-Forwarded-For, -Host, -Port, -Proto, -Scheme, X-Scheme); nginx's own pages answer when there is
 * no route (404 from the default backend), no endpoint (503) or no answer (502). Each request is
 * logged to stdout in ingress-nginx's "upstreaminfo" format.
 */
final class NginxProxy {

    /** proxy-connect-timeout in ingress-nginx's defaults. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final ProcessContext context;
    private final Map<String, Integer> next = new HashMap<>();
    /** $req_id's randomness, seeded per pod so that a sandbox replays the same IDs. */
    private final SplittableRandom ids;
    private Routes routes;

    NginxProxy(ProcessContext context, Routes routes) {
        this.context = context;
        this.routes = routes;
        this.ids = new SplittableRandom(context.hostname().hashCode());
    }

    void routes(Routes routes) {
        this.routes = routes;
    }

    String handle(String raw, ConnectionHandler.Peer peer) {
        Optional<HttpRequest> parsed = HttpRequest.parse(raw);
        if (parsed.isEmpty()) {
            return page(400, "Bad Request").toWire();
        }
        HttpRequest request = parsed.get();
        String host = request.header("Host").orElse("_");
        String path = request.path();
        Optional<Routes.Route> route = routes.match(host, path);
        HttpResponse response;
        String upstreamName = "upstream-default-backend";
        String upstreamAddr = "127.0.0.1:8181";
        if (route.isEmpty() || route.get().upstream().equals("upstream-default-backend")) {
            response = page(404, "Not Found");
        } else if (route.get().endpoints().isEmpty()) {
            upstreamName = route.get().upstream();
            upstreamAddr = "-";
            response = page(503, "Service Temporarily Unavailable");
        } else {
            upstreamName = route.get().upstream();
            upstreamAddr = pick(route.get());
            response = proxy(request, peer, upstreamAddr);
        }
        log(peer, request, response, upstreamName, upstreamAddr);
        return response.toWire();
    }

    /** round_robin over the upstream's endpoints, each upstream keeping its own place. */
    private String pick(Routes.Route route) {
        int i = next.merge(route.upstream(), 1, Integer::sum) - 1;
        return route.endpoints().get(i % route.endpoints().size());
    }

    private HttpResponse proxy(HttpRequest request, ConnectionHandler.Peer peer, String upstream) {
        String client = peer.address().toString();
        String host = request.header("Host").orElse("");
        List<String> lines = new ArrayList<>();
        lines.add(request.method() + " " + request.target() + " HTTP/1.1");
        lines.add("Host: " + host);
        lines.add("X-Request-ID: " + requestId());
        lines.add("X-Real-IP: " + client);
        lines.add("X-Forwarded-For: " + request.header("X-Forwarded-For").map(f -> f + ", " + client).orElse(client));
        lines.add("X-Forwarded-Host: " + host);
        lines.add("X-Forwarded-Port: 80");
        lines.add("X-Forwarded-Proto: http");
        lines.add("X-Forwarded-Scheme: http");
        lines.add("X-Scheme: http");
        request.headers().forEach((name, value) -> {
            if (!List.of("host", "x-forwarded-for", "connection").contains(name.toLowerCase(Locale.ROOT))) {
                lines.add(name + ": " + value);
            }
        });
        String wire = String.join("\r\n", lines) + "\r\n\r\n" + request.body();
        int colon = upstream.lastIndexOf(':');
        Exchange exchange = context.connector().exchange(context.network(), Ipv4Address.parse(upstream.substring(0, colon)),
                Integer.parseInt(upstream.substring(colon + 1)), wire, CONNECT_TIMEOUT);
        if (!(exchange instanceof Exchange.Answered answered)) {
            return page(502, "Bad Gateway");
        }
        return HttpResponse.parse(answered.response()).map(this::relayed).orElse(page(502, "Bad Gateway"));
    }

    /** nginx hides the upstream's Date and Server and sends its own. */
    private HttpResponse relayed(HttpResponse upstream) {
        List<HttpResponse.Header> headers = new ArrayList<>();
        headers.add(new HttpResponse.Header("Date", HTTP_DATE.format(context.clock().now())));
        upstream.headers().stream().filter(h -> !List.of("date", "server", "connection").contains(h.name().toLowerCase(Locale.ROOT)))
                .forEach(headers::add);
        headers.add(new HttpResponse.Header("Connection", "keep-alive"));
        return new HttpResponse("HTTP/1.1", upstream.status(), upstream.reason(), headers, upstream.body());
    }

    /** nginx's built-in error page, with server_tokens off as ingress-nginx configures it. */
    private HttpResponse page(int status, String reason) {
        String title = status + " " + reason;
        String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new HttpResponse("HTTP/1.1", status, reason, List.of(
                new HttpResponse.Header("Date", HTTP_DATE.format(context.clock().now())),
                new HttpResponse.Header("Content-Type", "text/html"),
                new HttpResponse.Header("Content-Length", String.valueOf(body.length())),
                new HttpResponse.Header("Connection", "keep-alive")), body);
    }

    private String requestId() {
        byte[] id = new byte[16];
        ids.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** log-format-upstream "upstreaminfo". */
    private void log(ConnectionHandler.Peer peer, HttpRequest request, HttpResponse response, String upstream, String addr) {
        context.stdout(peer.address() + " - - [" + LOG_TIME.format(context.clock().now()) + "] \"" + request.method() + " "
                + request.target() + " " + request.version() + "\" " + response.status() + " " + response.body().length()
                + " \"" + request.header("Referer").orElse("-") + "\" \"" + request.header("User-Agent").orElse("-") + "\" "
                + request.toWire().length() + " 0.001 [" + upstream + "] [] " + addr + " " + response.body().length()
                + " 0.001 " + response.status());
    }
}
