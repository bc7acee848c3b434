package org.laymanlabs.sandbox.kube.kubectl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What kubectl prints with no kubeconfig and no server: client-go's default of
 * {@code http://localhost:8080}, where the connection is refused. Discovery (memcache.go) logs its
 * failure five times through klog before kubectl gives up with its one-line hint; {@code kubectl
 * version} prints only the hint. Measured with kubectl 1.32 and an empty KUBECONFIG.
 */
final class NoServer {

    static final String URL = "http://localhost:8080";

    /** The process id klog prints; any is real, one is fixed so that output replays exactly. */
    private static final int PID = 4242;

    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    static final String REFUSED = "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n";

    private NoServer() {
    }

    /** The five klog lines of the failed discovery, then the hint. */
    static String discoveryFailed(Instant now) {
        String line = "E" + KLOG.format(now) + "   " + PID + " memcache.go:265] \"Unhandled Error\" err=\"couldn't get current "
                + "server API group list: Get \\\"" + URL + "/api?timeout=32s\\\": dial tcp 127.0.0.1:8080: connect: connection refused\"\n";
        return line.repeat(5) + REFUSED;
    }
}
