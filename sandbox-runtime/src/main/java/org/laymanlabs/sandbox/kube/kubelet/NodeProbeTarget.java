package org.laymanlabs.sandbox.kube.kubelet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.cri.Containerd;
import org.laymanlabs.sandbox.kube.kubelet.prober.ProbeTarget;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * What the kubelet's prober reaches on its node (pkg/probe/http, tcp and exec): HTTP and TCP from
 * the node's own network namespace, so that a probe crosses cni0 and the pod's veth as it does on
 * a real node, and exec through containerd. Failures read as Go's net/http and net errors.
 */
final class NodeProbeTarget implements ProbeTarget {

    private final NetworkNamespace node;
    private final Connector connector;
    private final Containerd runtime;

    NodeProbeTarget(NetworkNamespace node, Connector connector, Containerd runtime) {
        this.node = node;
        // Nobody reads a probe's packet trace: its packets go the whole way, only the trace's words are not written.
        this.connector = connector.untraced();
        this.runtime = runtime;
    }

    @Override
    public HttpOutcome httpGet(String scheme, String host, int port, String pathAndQuery, Map<String, String> headers,
                               Duration timeout) {
        String url = scheme.toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port + pathAndQuery;
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("User-Agent"))) {
            request.append("User-Agent: kube-probe/1.32\r\n");
        }
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
            request.append("Accept: */*\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        Optional<Ipv4Address> address = parse(host);
        if (address.isEmpty()) {
            return new HttpOutcome(0, "", Optional.of("Get \"" + url + "\": dial tcp: lookup " + host + ": no such host"));
        }
        Exchange exchange = connector.exchange(node, address.get(), port, request.toString(), timeout);
        if (exchange instanceof Exchange.Answered answered) {
            return response(url, answered.response());
        }
        if (exchange instanceof Exchange.TimedOut) {
            return new HttpOutcome(0, "", Optional.of("Get \"" + url + "\": context deadline exceeded"
                    + " (Client.Timeout exceeded while awaiting headers)"));
        }
        return new HttpOutcome(0, "", Optional.of("Get \"" + url + "\": " + dialError(host, port, (Exchange.Failed) exchange)));
    }

    @Override
    public Optional<String> tcpConnect(String host, int port, Duration timeout) {
        Optional<Ipv4Address> address = parse(host);
        if (address.isEmpty()) {
            return Optional.of("dial tcp: lookup " + host + ": no such host");
        }
        Exchange exchange = connector.exchange(node, address.get(), port, "", timeout);
        if (exchange instanceof Exchange.Answered) {
            return Optional.empty();
        }
        if (exchange instanceof Exchange.TimedOut) {
            return Optional.of("dial tcp " + host + ":" + port + ": i/o timeout");
        }
        return Optional.of(dialError(host, port, (Exchange.Failed) exchange));
    }

    @Override
    public ExecOutcome exec(String containerId, List<String> command, Duration timeout) {
        StringBuilder output = new StringBuilder();
        Execution execution;
        try {
            execution = runtime.exec(containerId, command, (stream, text) -> output.append(text));
        } catch (RuntimeException e) {
            return new ExecOutcome(-1, "", Optional.of(e.getMessage()));
        }
        if (!execution.isFinished()) {
            execution.detach();
            return new ExecOutcome(-1, output.toString(), Optional.of("command \"" + String.join(" ", command)
                    + "\" timed out"));
        }
        if (output.toString().startsWith("OCI runtime exec failed")) {
            return new ExecOutcome(execution.exitCode(), "", Optional.of(output.toString().strip()));
        }
        return new ExecOutcome(execution.exitCode(), output.toString(), Optional.empty());
    }

    /** Go's net.OpError text for a failed connect. */
    private static String dialError(String host, int port, Exchange.Failed failed) {
        String errno = failed.refused() ? "connection refused" : failed.errno().toLowerCase(java.util.Locale.ROOT);
        return "dial tcp " + host + ":" + port + ": connect: " + errno;
    }

    /** The body after the headers, and the status line's code. */
    private static HttpOutcome response(String url, String raw) {
        if (raw == null || raw.isEmpty()) {
            return new HttpOutcome(0, "", Optional.of("Get \"" + url + "\": EOF"));
        }
        String firstLine = firstLine(raw);
        String[] statusLine = firstLine.split(" ");
        if (statusLine.length < 2 || !threeDigits(statusLine[1])) {
            return new HttpOutcome(0, "", Optional.of("Get \"" + url + "\": net/http: HTTP/1.x transport connection broken:"
                    + " malformed HTTP response \"" + firstLine + "\""));
        }
        int split = raw.indexOf("\r\n\r\n");
        String body = split < 0 ? "" : raw.substring(split + 4);
        return new HttpOutcome(Integer.parseInt(statusLine[1]), body, Optional.empty());
    }

    /** What {@code raw.split("\r?\n", 2)[0]} gives, without compiling that pattern for every probe. */
    static String firstLine(String raw) {
        int newline = raw.indexOf('\n');
        if (newline < 0) {
            return raw;
        }
        return newline > 0 && raw.charAt(newline - 1) == '\r' ? raw.substring(0, newline - 1) : raw.substring(0, newline);
    }

    /** {@code [0-9]{3}}: Go's status code is three ASCII digits. */
    private static boolean threeDigits(String code) {
        return code.length() == 3 && isDigit(code.charAt(0)) && isDigit(code.charAt(1)) && isDigit(code.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Optional<Ipv4Address> parse(String host) {
        try {
            return Optional.of(Ipv4Address.parse(host));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
