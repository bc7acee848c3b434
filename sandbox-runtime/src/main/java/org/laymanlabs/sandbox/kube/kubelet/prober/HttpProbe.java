package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mirrors kubernetes pkg/probe/http: request.go (NewRequestForHTTPGetAction builds the GET with
 * kubelet's headers) and http.go (DoHTTPProbe: 200-399 succeed, a redirect the client did not
 * follow is a success with a warning, anything else fails with the status code only, and at most
 * 10 KiB of the body is read).
 */
final class HttpProbe {

    static final String USER_AGENT = "kube-probe/1.32";
    static final int MAX_BODY_BYTES = 10 * 1024;

    /** The GET the prober sends; {@code headers} in the order Go's client writes them. */
    record Request(String scheme, String host, int port, String pathAndQuery, Map<String, String> headers) {

        /** The URL as Go prints it in a client error: {@code http://10.244.1.5:8080/ready}. */
        String url() {
            String hostPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
            return scheme + "://" + hostPort + pathAndQuery;
        }
    }

    private HttpProbe() {
    }

    static ProbeOutcome probe(ProbeTarget target, HTTPGetAction action, Container container, String podIp, Duration timeout) {
        ContainerPorts.Resolved port = ContainerPorts.resolve(action.getPort(), container);
        if (port.error().isPresent()) {
            return ProbeOutcome.error(port.error().get());
        }
        Request request = request(action, port.port(), podIp);
        ProbeTarget.HttpOutcome response = target.httpGet(request.scheme(), request.host(), request.port(),
                request.pathAndQuery(), request.headers(), timeout);
        return result(request, response, timeout);
    }

    static Request request(HTTPGetAction action, int port, String podIp) {
        String scheme = action.getScheme() == null || action.getScheme().isEmpty() ? "http" : action.getScheme().toLowerCase();
        String host = action.getHost() == null || action.getHost().isEmpty() ? (podIp == null ? "" : podIp) : action.getHost();
        // The API server defaults an empty path to "/"; Go's URL adds the slash before a relative one.
        String path = action.getPath() == null || action.getPath().isEmpty() ? "/" : action.getPath();
        return new Request(scheme, host, port, path.startsWith("/") ? path : "/" + path, headers(action.getHttpHeaders()));
    }

    /** newProbeRequest: the probe's headers, then User-Agent and Accept unless it set them; an empty Accept is removed. */
    private static Map<String, String> headers(List<HTTPHeader> httpHeaders) {
        Map<String, String> byKey = new TreeMap<>();
        for (HTTPHeader header : httpHeaders == null ? List.<HTTPHeader>of() : httpHeaders) {
            byKey.merge(canonical(header.getName()), header.getValue() == null ? "" : header.getValue(), (a, b) -> a + ", " + b);
        }
        byKey.putIfAbsent("User-Agent", USER_AGENT);
        if (!byKey.containsKey("Accept")) {
            byKey.put("Accept", "*/*");
        } else if (byKey.get("Accept").isEmpty()) {
            byKey.remove("Accept");
        }
        // Go writes Host, then User-Agent (unless empty), then the rest sorted by key.
        Map<String, String> wire = new LinkedHashMap<>();
        Optional.ofNullable(byKey.remove("Host")).filter(h -> !h.isEmpty()).ifPresent(h -> wire.put("Host", h));
        Optional.ofNullable(byKey.remove("User-Agent")).filter(ua -> !ua.isEmpty()).ifPresent(ua -> wire.put("User-Agent", ua));
        wire.putAll(byKey);
        return wire;
    }

    /** DoHTTPProbe's verdict on what came back. */
    static ProbeOutcome result(Request request, ProbeTarget.HttpOutcome response, Duration timeout) {
        if (response.error().isPresent()) {
            // Convert errors into failures to catch timeouts.
            String error = response.error().get();
            String message = error.startsWith("Get \"") ? error : "Get \"" + request.url() + "\": " + error;
            return ProbeOutcome.failure(message).took(timedOut(error) ? timeout : Duration.ZERO);
        }
        String body = truncated(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 400) {
            if (status >= 300) {
                return ProbeOutcome.warning("Probe terminated redirects, Response body: " + body);
            }
            return ProbeOutcome.success(body);
        }
        // Until https://issue.k8s.io/99425 is addressed, the user-facing failure message carries no body.
        return ProbeOutcome.failure("HTTP probe failed with statuscode: " + status);
    }

    static boolean timedOut(String goError) {
        return goError.contains("Client.Timeout exceeded") || goError.contains("context deadline exceeded")
                || goError.endsWith("i/o timeout");
    }

    private static String truncated(String body) {
        byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_BODY_BYTES ? new String(bytes, StandardCharsets.UTF_8)
                : new String(Arrays.copyOf(bytes, MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }

    /** textproto.CanonicalMIMEHeaderKey: "x-custom-header" becomes "X-Custom-Header"; a key with other characters is kept. */
    static String canonical(String key) {
        if (key == null || !key.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
            return key == null ? "" : key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = true;
        for (char c : key.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
