package org.laymanlabs.sandbox.kube.dns;

import java.util.Map;
import java.util.TreeMap;
import org.laymanlabs.sandbox.net.dns.Rcode;

/**
 * The counters of coredns plugin/metrics that a learner looks at first, in Prometheus' text
 * format: requests by protocol and type, responses by rcode.
 */
final class Metrics {

    private final Map<String, Long> requests = new TreeMap<>();
    private final Map<String, Long> responses = new TreeMap<>();

    void count(String proto, String type, Rcode rcode) {
        requests.merge("proto=\"" + proto + "\",server=\"dns://:53\",type=\"" + type + "\",view=\"\",zone=\".\"", 1L,
                Long::sum);
        responses.merge("plugin=\"\",rcode=\"" + rcode + "\",server=\"dns://:53\",view=\"\",zone=\".\"", 1L, Long::sum);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP coredns_dns_requests_total Counter of DNS requests made per zone, protocol and family.\n")
                .append("# TYPE coredns_dns_requests_total counter\n");
        requests.forEach((labels, n) -> out.append("coredns_dns_requests_total{family=\"1\",").append(labels)
                .append("} ").append(n).append('\n'));
        out.append("# HELP coredns_dns_responses_total Counter of response status codes.\n")
                .append("# TYPE coredns_dns_responses_total counter\n");
        responses.forEach((labels, n) -> out.append("coredns_dns_responses_total{").append(labels).append("} ")
                .append(n).append('\n'));
        return out.toString();
    }
}
