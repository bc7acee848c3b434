package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dns.HostsFile;
import org.laymanlabs.sandbox.net.dns.Resolution;
import org.laymanlabs.sandbox.net.dns.ResolverConfig;
import org.laymanlabs.sandbox.net.dns.StubResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A name looked up from inside the cluster, for someone who is not a program in it (the grader):
 * getaddrinfo(3) with the resolv.conf the kubelet gives a pod (ClusterFirst: the cluster DNS
 * Service, the namespace's search path, ndots:5), every query a real datagram from the given
 * namespace to CoreDNS through the rules. From a pod it is what the pod's own programs get; from a
 * node it is what {@code dig +search @10.96.0.10} gets there, as a node's own resolv.conf knows no
 * cluster names. So a name means what CoreDNS answers (a headless Service's ready endpoints, an
 * ExternalName, NXDOMAIN), and a broken cluster DNS fails the lookup as it fails a pod's curl.
 */
public final class ClusterLookup {

    public static final String CLUSTER_DOMAIN = "cluster.local";
    public static final String CLUSTER_DNS_IP = "10.96.0.10";

    private static final HostsFile LOCALHOST = new HostsFile("127.0.0.1\tlocalhost\n");

    private final Connector connector;
    private final VirtualClock clock;

    public ClusterLookup(Connector connector, VirtualClock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    /**
     * @param pod the pod whose namespace {@code from} is, whose DNS policy and namespace decide its
     *            resolv.conf; empty for a node, which asks as a ClusterFirst pod of {@code default} would
     */
    public Resolution lookup(NetworkNamespace from, Optional<Pod> pod, String host) {
        Pod asker = pod.orElseGet(() -> new PodBuilder().withNewMetadata().withNamespace("default").endMetadata()
                .withNewSpec().endSpec().build());
        ResolverConfig conf = ResolverConfig.parse(ResolvConf.forPod(asker, CLUSTER_DOMAIN, CLUSTER_DNS_IP, ""));
        // Query IDs from the name, not the sandbox's seeded source, which the learner's own commands draw on.
        DnsClient client = new DnsClient(connector, clock, new SplittableRandom(host.hashCode()));
        return new StubResolver(client, () -> from, () -> conf, () -> LOCALHOST).getaddrinfo(host);
    }
}
