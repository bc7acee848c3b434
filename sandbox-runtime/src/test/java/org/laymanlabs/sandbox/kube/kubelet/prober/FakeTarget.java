package org.laymanlabs.sandbox.kube.kubelet.prober;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A node for the prober to reach, whose answers a test changes as virtual time goes by. Every
 * call is logged with the seconds since {@code origin}, e.g. "20 GET http://10.244.1.5:8080/ready".
 */
final class FakeTarget implements ProbeTarget {

    private final VirtualClock clock;
    private Instant origin;
    final List<String> calls = new ArrayList<>();
    Map<String, String> lastHeaders = Map.of();
    HttpOutcome http = HttpOutcome.response(200, "ok");
    Optional<String> tcp = Optional.empty();
    ExecOutcome exec = ExecOutcome.exited(0, "");

    FakeTarget(VirtualClock clock) {
        this.clock = clock;
        this.origin = clock.now();
    }

    /** From now on calls are logged with the seconds since this instant. */
    void resetOrigin() {
        origin = clock.now();
        calls.clear();
    }

    @Override
    public HttpOutcome httpGet(String scheme, String host, int port, String pathAndQuery, Map<String, String> headers,
                               Duration timeout) {
        lastHeaders = headers;
        log("GET " + scheme + "://" + host + ":" + port + pathAndQuery);
        return http;
    }

    @Override
    public Optional<String> tcpConnect(String host, int port, Duration timeout) {
        log("TCP " + host + ":" + port);
        return tcp;
    }

    @Override
    public ExecOutcome exec(String containerId, List<String> command, Duration timeout) {
        log("EXEC " + containerId + " " + String.join(" ", command));
        return exec;
    }

    /** The seconds since the origin at which calls were made, in order. */
    List<Double> times() {
        return calls.stream().map(c -> Double.parseDouble(c.substring(0, c.indexOf(' ')))).toList();
    }

    /** Seconds since the origin: "20", or "3.5" within a second. */
    String seconds() {
        double seconds = Duration.between(origin, clock.now()).toNanos() / 1e9;
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private void log(String call) {
        calls.add(seconds() + " " + call);
    }
}
