package org.laymanlabs.backend.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Exchange;

/**
 * Request: sends {@code count} HTTP GETs from a pod, a node or outside, each over a new
 * connection through the sandbox's own network (routes, iptables, NAT), as {@code curl -m 5}
 * would, and looks at what came back: the status, the body, and how many different endpoints
 * answered (kube-proxy spreads connections over a Service's endpoints).
 */
public record RequestCheck(String name, Origin from, String url, Optional<String> host, int count,
                           OptionalInt status, Optional<String> bodyContains, OptionalInt endpoints) implements Check {

    /** curl -m 5: how long one request may take before the check gives up on it. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        HttpTarget target = HttpTarget.parse(url, host.orElse(null));
        Optional<NetworkNamespace> client = from.namespace(sandbox);
        if (client.isEmpty()) {
            return CheckResult.fail(name, expected(), "no running " + from.describe() + " to send them from");
        }
        Optional<Ipv4Address> address = sandbox.resolve(client.get(), target.host());
        if (address.isEmpty()) {
            return CheckResult.fail(name, expected(), "curl: (6) Could not resolve host: " + target.host());
        }
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        Set<String> answeredBy = new LinkedHashSet<>();
        int good = 0;
        for (int i = 0; i < count; i++) {
            Exchange exchange = sandbox.connect(client.get(), address.get(), target.port(), target.request(), PATIENCE);
            String outcome;
            if (exchange instanceof Exchange.Answered answered) {
                HttpResponse response = HttpResponse.parse(answered.response());
                outcome = "status " + response.status();
                boolean statusOk = status.isEmpty() || response.status() == status.getAsInt();
                boolean bodyOk = bodyContains.isEmpty() || response.body().contains(bodyContains.get());
                if (statusOk && bodyOk) {
                    good++;
                    answeredBy.add(sandbox.podOf(answered.server()).map(p -> "pod " + p.getMetadata().getName())
                            .orElse(answered.server().name()));
                } else if (statusOk) {
                    outcome += " without '" + bodyContains.get() + "' in the body";
                }
            } else if (exchange instanceof Exchange.Failed failed) {
                outcome = "curl: (7) Failed to connect to " + target.host() + " port " + target.port() + ": " + failed.errno();
            } else {
                outcome = "curl: (28) Connection timed out after " + PATIENCE.toMillis() + " milliseconds";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        String found = summary(outcomes, endpoints.isPresent() ? answeredBy : Set.of());
        boolean spread = endpoints.isEmpty() || answeredBy.size() >= endpoints.getAsInt();
        if (good == count && spread) {
            return CheckResult.pass(name, "Sent " + count + " " + plural(count, "request") + " from " + from.describe()
                    + " to " + url + ": " + found + ".");
        }
        return CheckResult.fail(name, expected(), found);
    }

    private String expected() {
        List<String> wanted = new ArrayList<>();
        status.ifPresent(s -> wanted.add("status " + s));
        bodyContains.ifPresent(b -> wanted.add("a body containing '" + b + "'"));
        String answers = wanted.isEmpty() ? "an answer" : String.join(" and ", wanted);
        String spread = endpoints.isPresent() ? ", from at least " + endpoints.getAsInt() + " different endpoints" : "";
        return (count == 1 ? "a request" : "each of " + count + " requests") + " from " + from.describe() + " to "
                + url + " to get " + answers + spread;
    }

    private static String summary(TreeMap<String, Integer> outcomes, Set<String> answeredBy) {
        List<String> parts = new ArrayList<>();
        outcomes.forEach((outcome, n) -> parts.add(n + " × " + outcome));
        String summary = String.join(", ", parts);
        if (!answeredBy.isEmpty()) {
            summary += " (answered by " + String.join(", ", answeredBy) + ")";
        }
        return summary;
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
