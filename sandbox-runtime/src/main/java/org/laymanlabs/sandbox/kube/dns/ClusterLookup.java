package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Names;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.RrType;

/**
 * A cluster name looked up for someone who is not a program in the cluster (the grader): the
 * names a pod of {@code namespace} would try (its resolv.conf's search path with ndots:5, then
 * the name as it is), each answered by CoreDNS's own kubernetes plugin over the same records its
 * informers hold, so a Service's name, a headless Service's ready pods and a namespace's scope
 * mean exactly what they mean to a pod. No packet is sent: a grader's lookup must not fill
 * CoreDNS's cache (a name asked before its Service exists would be denied to the learner's next
 * curl for the cache's lifetime), count in its metrics, or move the clock.
 */
public final class ClusterLookup {

    public static final String CLUSTER_DOMAIN = "cluster.local";
    public static final String CLUSTER_DNS_IP = "10.96.0.10";
    private static final int NDOTS = 5;

    private ClusterLookup() {
    }

    /** The first address CoreDNS would give a pod of {@code namespace} for {@code host}, if any. */
    public static Optional<Ipv4Address> lookup(ApiServer api, String namespace, String host) {
        ClusterRecords records = ClusterRecords.from(api.list(Service.class, ""), api.list(EndpointSlice.class, ""),
                api.list(Namespace.class, ""));
        KubernetesPlugin plugin = new KubernetesPlugin(CLUSTER_DOMAIN);
        for (String name : candidates(namespace, host)) {
            Optional<Message> answer = plugin.answer(Message.query(0, Question.in(name, RrType.A)), records, 0);
            Optional<Ipv4Address> address = answer.stream().flatMap(m -> m.answers().stream())
                    .map(r -> r.data()).filter(RData.A.class::isInstance).map(a -> ((RData.A) a).address()).findFirst();
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }

    /** res_search's order: with fewer than ndots dots the search list first, then the name itself. */
    private static List<String> candidates(String namespace, String host) {
        if (host.endsWith(".")) {
            return List.of(host);
        }
        List<String> names = new ArrayList<>();
        for (String domain : List.of(namespace + ".svc." + CLUSTER_DOMAIN, "svc." + CLUSTER_DOMAIN, CLUSTER_DOMAIN)) {
            names.add(host + "." + Names.fqdn(domain));
        }
        long dots = host.chars().filter(c -> c == '.').count();
        names.add(dots >= NDOTS ? 0 : names.size(), Names.fqdn(host));
        return names;
    }
}
