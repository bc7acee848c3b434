package org.laymanlabs.sandbox.kube.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Names;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.RData;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;

/**
 * Mirrors coredns plugin/kubernetes (1.11) as kubeadm configures it ({@code kubernetes
 * cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }}),
 * following the Kubernetes DNS specification: a Service's A record is its ClusterIP, a headless
 * one's are its ready endpoints, an ExternalName one is a CNAME; SRV records per named port;
 * endpoint and pod names; PTR for Service and endpoint IPs. Answers are authoritative with the
 * RA bit clear, and a name that does not exist is NXDOMAIN with the zone's SOA in the authority
 * section. An empty result means the name is not this plugin's (fallthrough to forward).
 */
final class KubernetesPlugin {

    static final long TTL = 30;

    private final String zone;

    KubernetesPlugin(String zone) {
        this.zone = Names.fqdn(zone).toLowerCase(Locale.ROOT);
    }

    Optional<Message> answer(Message query, ClusterRecords records, long serial) {
        Question q = query.question().orElseThrow();
        String name = q.name().toLowerCase(Locale.ROOT);
        Reply reply = new Reply(query, soa(serial));
        if (Names.isSubdomain(name, zone)) {
            List<String> labels = Names.labels(name.substring(0, name.length() - zone.length()));
            return Optional.of(inZone(q, labels, records, reply));
        }
        if (Names.isSubdomain(name, "in-addr.arpa.")) {
            return reverse(q, name, records, reply);
        }
        return Optional.empty();
    }

    private Message inZone(Question q, List<String> labels, ClusterRecords records, Reply reply) {
        if (labels.isEmpty()) {
            if (q.type().equals(RrType.SOA)) {
                return reply.answer(reply.soa);
            }
            if (q.type().equals(RrType.NS)) {
                return reply.answer(ResourceRecord.in(zone, TTL, new RData.Ns("ns.dns." + zone)));
            }
            return reply.nodata();
        }
        String kind = labels.get(labels.size() - 1);
        if (labels.equals(List.of("ns", "dns"))) {
            Optional<ClusterRecords.Svc> dns = records.service("kube-dns", "kube-system");
            return dns.isPresent() && q.type().equals(RrType.A)
                    ? reply.answer(a(q.name(), dns.get().clusterIp())) : dns.isPresent() ? reply.nodata() : reply.nxdomain();
        }
        if (kind.equals("svc")) {
            return services(q, labels.subList(0, labels.size() - 1), records, reply);
        }
        if (kind.equals("pod") && labels.size() == 3) {
            return pod(q, labels, records, reply);
        }
        return reply.nxdomain();
    }

    private Message services(Question q, List<String> labels, ClusterRecords records, Reply reply) {
        if (labels.isEmpty()) {
            return reply.nodata();
        }
        String namespace = labels.get(labels.size() - 1);
        if (!records.namespaces().contains(namespace)) {
            return reply.nxdomain();
        }
        if (labels.size() == 1) {
            return reply.nodata();
        }
        Optional<ClusterRecords.Svc> svc = records.service(labels.get(labels.size() - 2), namespace);
        if (svc.isEmpty()) {
            return reply.nxdomain();
        }
        List<String> below = labels.subList(0, labels.size() - 2);
        ServiceAnswers answers = new ServiceAnswers(svc.get(), serviceName(svc.get()));
        if (below.isEmpty()) {
            return answers.forService(q, reply);
        }
        if (below.size() == 2 && below.get(0).startsWith("_") && below.get(1).startsWith("_")) {
            return answers.forPort(q, below.get(0).substring(1), below.get(1).substring(1), reply);
        }
        if (below.size() == 1) {
            return answers.forEndpoint(q, below.get(0), reply);
        }
        return reply.nxdomain();
    }

    private Message pod(Question q, List<String> labels, ClusterRecords records, Reply reply) {
        String ip = labels.get(0).replace('-', '.');
        if (!records.namespaces().contains(labels.get(1)) || !Ipv4Address.isValid(ip)) {
            return reply.nxdomain();
        }
        return q.type().equals(RrType.A) ? reply.answer(a(q.name(), ip)) : reply.nodata();
    }

    private Optional<Message> reverse(Question q, String name, ClusterRecords records, Reply reply) {
        List<String> octets = Names.labels(name).subList(0, Math.max(0, Names.labels(name).size() - 2));
        if (octets.size() != 4 || !q.type().equals(RrType.PTR)) {
            return Optional.empty();
        }
        String ip = String.join(".", octets.get(3), octets.get(2), octets.get(1), octets.get(0));
        for (ClusterRecords.Svc svc : records.services()) {
            if (ip.equals(svc.clusterIp())) {
                return Optional.of(reply.answer(ResourceRecord.in(q.name(), TTL, new RData.Ptr(serviceName(svc)))));
            }
            for (ClusterRecords.Ep ep : svc.endpoints()) {
                if (ip.equals(ep.address())) {
                    return Optional.of(reply.answer(ResourceRecord.in(q.name(), TTL,
                            new RData.Ptr(ep.dnsName() + "." + serviceName(svc)))));
                }
            }
        }
        return Optional.empty();
    }

    String serviceName(ClusterRecords.Svc svc) {
        return svc.name() + "." + svc.namespace() + ".svc." + zone;
    }

    static ResourceRecord a(String owner, String ip) {
        return ResourceRecord.in(owner, TTL, new RData.A(Ipv4Address.parse(ip)));
    }

    /** The zone's SOA as the plugin writes it: serial from the informers' last change, negative TTL 30. */
    ResourceRecord soa(long serial) {
        return ResourceRecord.in(zone, TTL, new RData.Soa("ns.dns." + zone, "hostmaster." + zone, serial, 7200, 1800,
                86400, TTL));
    }

    /** Builds the response to one query: authoritative, recursion not available. */
    static final class Reply {
        private final Message query;
        private final ResourceRecord soa;

        Reply(Message query, ResourceRecord soa) {
            this.query = query;
            this.soa = soa;
        }

        Message answer(ResourceRecord... records) {
            return answer(List.of(records), List.of());
        }

        Message answer(List<ResourceRecord> records, List<ResourceRecord> extra) {
            return new Message(query.header().answer(true, false, Rcode.NOERROR), query.questions(), records, List.of(),
                    extra);
        }

        Message nodata() {
            return new Message(query.header().answer(true, false, Rcode.NOERROR), query.questions(), List.of(),
                    List.of(soa), List.of());
        }

        Message nxdomain() {
            return new Message(query.header().answer(true, false, Rcode.NXDOMAIN), query.questions(), List.of(),
                    List.of(soa), List.of());
        }
    }

    /** The records under one Service's name. */
    private record ServiceAnswers(ClusterRecords.Svc svc, String name) {

        Message forService(Question q, Reply reply) {
            if (svc.externalNameType()) {
                return reply.answer(ResourceRecord.in(q.name(), TTL, new RData.Cname(svc.externalName())));
            }
            if (q.type().equals(RrType.A) || q.type().equals(RrType.ANY)) {
                List<ResourceRecord> as = svc.headless()
                        ? svc.endpoints().stream().map(ep -> ep.address()).distinct().map(ip -> a(q.name(), ip)).toList()
                        : List.of(a(q.name(), svc.clusterIp()));
                return as.isEmpty() ? reply.nxdomain() : reply.answer(as, List.of());
            }
            if (q.type().equals(RrType.SRV)) {
                return srv(q, svc.ports(), reply);
            }
            return reply.nodata();
        }

        Message forPort(Question q, String port, String protocol, Reply reply) {
            List<ClusterRecords.Port> matching = svc.ports().stream()
                    .filter(p -> p.name().equalsIgnoreCase(port) && p.protocol().equalsIgnoreCase(protocol)).toList();
            if (matching.isEmpty() || svc.externalNameType()) {
                return reply.nxdomain();
            }
            return q.type().equals(RrType.SRV) ? srv(q, matching, reply) : reply.nodata();
        }

        Message forEndpoint(Question q, String endpoint, Reply reply) {
            List<ResourceRecord> as = svc.endpoints().stream().filter(ep -> ep.dnsName().equals(endpoint))
                    .map(ep -> a(q.name(), ep.address())).toList();
            if (as.isEmpty()) {
                return reply.nxdomain();
            }
            return q.type().equals(RrType.A) ? reply.answer(as, List.of()) : reply.nodata();
        }

        /** One SRV per port (per endpoint and port if headless), weight 100 split evenly, targets' A records as additional. */
        private Message srv(Question q, List<ClusterRecords.Port> ports, Reply reply) {
            List<ResourceRecord> answers = new ArrayList<>();
            List<ResourceRecord> extra = new ArrayList<>();
            if (svc.headless()) {
                for (ClusterRecords.Ep ep : svc.endpoints()) {
                    for (ClusterRecords.Port p : ports) {
                        String target = ep.dnsName() + "." + name;
                        answers.add(ResourceRecord.in(q.name(), TTL, new RData.Srv(0, 0, p.port(), target)));
                        extra.add(a(target, ep.address()));
                    }
                }
            } else {
                for (ClusterRecords.Port p : ports) {
                    answers.add(ResourceRecord.in(q.name(), TTL, new RData.Srv(0, 0, p.port(), name)));
                }
                extra.add(a(name, svc.clusterIp()));
            }
            if (answers.isEmpty()) {
                return reply.nxdomain();
            }
            int weight = Math.max(1, 100 / answers.size());
            List<ResourceRecord> weighted = answers.stream().map(r -> {
                RData.Srv s = (RData.Srv) r.data();
                return ResourceRecord.in(r.name(), TTL, new RData.Srv(0, weight, s.port(), s.target()));
            }).toList();
            return reply.answer(weighted, extra.stream().distinct().toList());
        }
    }
}
