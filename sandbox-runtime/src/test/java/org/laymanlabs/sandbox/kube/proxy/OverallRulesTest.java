package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * proxier_test.go TestOverallIPTablesRules, fed through our reading of Services and
 * EndpointSlices: six services (ClusterIP; LoadBalancer with Local policy, an external IP and a
 * health check port but no local endpoint; NodePort; external IP; LoadBalancer with source ranges
 * and ClientIP affinity; no endpoints). The golden is the test's expected text, sorted by chain as
 * its assertIPTablesRulesEqual sorts, less what this host's kube-proxy does not write: the
 * localhost NodePort rules and KUBE-FIREWALL (localhost NodePorts are off) and the nfacct matches;
 * and with --random-fully, which this iptables supports and the test's fake does not.
 */
@DisplayName("kube-proxy's rules for TestOverallIPTablesRules")
class OverallRulesTest {

    static final String NODE = "test-node";

    static Service service(String ns, String name, String ip, Consumer<ServiceBuilder> more) {
        ServiceBuilder b = new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withType("ClusterIP").withClusterIP(ip).endSpec();
        more.accept(b);
        return b.build();
    }

    static EndpointSlice slice(String ns, String name, Map<String, String> addressToNode) {
        EndpointSliceBuilder b = new EndpointSliceBuilder().withNewMetadata().withNamespace(ns).withName(name + "-1")
                .addToLabels("kubernetes.io/service-name", name).endMetadata().withAddressType("IPv4")
                .addNewPort().withName("p80").withPort(80).withProtocol("TCP").endPort();
        addressToNode.forEach((ip, node) -> b.addNewEndpoint().withAddresses(ip).withNodeName(node.isEmpty() ? null : node)
                .endEndpoint());
        return b.build();
    }

    static List<ServicePort> ports() {
        List<Service> services = List.of(
                service("ns1", "svc1", "172.30.0.41", b -> b.editSpec().addNewPort().withName("p80").withPort(80)
                        .withProtocol("TCP").endPort().endSpec()),
                service("ns2", "svc2", "172.30.0.42", b -> b.editSpec().withType("LoadBalancer")
                        .withExternalTrafficPolicy("Local").addNewPort().withName("p80").withPort(80).withProtocol("TCP")
                        .withNodePort(3001).endPort().withExternalIPs("192.168.99.22").withHealthCheckNodePort(30000)
                        .endSpec().withNewStatus().withNewLoadBalancer().addNewIngress().withIp("1.2.3.4").endIngress()
                        .endLoadBalancer().endStatus()),
                service("ns3", "svc3", "172.30.0.43", b -> b.editSpec().withType("NodePort").addNewPort().withName("p80")
                        .withPort(80).withProtocol("TCP").withNodePort(3003).endPort().endSpec()),
                service("ns4", "svc4", "172.30.0.44", b -> b.editSpec().withType("NodePort").withExternalIPs("192.168.99.33")
                        .addNewPort().withName("p80").withPort(80).withProtocol("TCP").endPort().endSpec()),
                service("ns5", "svc5", "172.30.0.45", b -> b.editSpec().withType("LoadBalancer")
                        .withExternalTrafficPolicy("Cluster").addNewPort().withName("p80").withPort(80).withProtocol("TCP")
                        .withNodePort(3002).endPort().withHealthCheckNodePort(30000)
                        .withLoadBalancerSourceRanges(" 203.0.113.0/25").withSessionAffinity("ClientIP")
                        .withNewSessionAffinityConfig().withNewClientIP().withTimeoutSeconds(10800).endClientIP()
                        .endSessionAffinityConfig().endSpec().withNewStatus().withNewLoadBalancer().addNewIngress()
                        .withIp("5.6.7.8").endIngress().endLoadBalancer().endStatus()),
                service("ns6", "svc6", "172.30.0.46", b -> b.editSpec().addNewPort().withName("p80").withPort(80)
                        .withProtocol("TCP").endPort().endSpec()));
        List<EndpointSlice> slices = List.of(
                slice("ns1", "svc1", Map.of("10.180.0.1", "")),
                // No nodeName: the endpoint is not on this node, so the Local policy has none.
                slice("ns2", "svc2", Map.of("10.180.0.2", "")),
                slice("ns3", "svc3", Map.of("10.180.0.3", "")),
                slice("ns4", "svc4", new LinkedHashMap<>(Map.of("10.180.0.4", "", "10.180.0.5", NODE))),
                slice("ns5", "svc5", Map.of("10.180.0.3", "")));
        return ServicePorts.of(services, slices, NODE);
    }

    /** assertIPTablesRulesEqual's sortIPTablesRules: KUBE-NODEPORTS, KUBE-SERVICES, then the chains by name, rules in order. */
    static String sortedByChain(String restore) {
        StringBuilder out = new StringBuilder();
        for (String table : restore.split("(?m)^COMMIT\n")) {
            if (table.isBlank()) {
                continue;
            }
            List<String> lines = table.lines().toList();
            Map<String, List<String>> rules = new java.util.TreeMap<>((a, b) -> rank(a) != rank(b)
                    ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
            List<String> chains = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith(":")) {
                    chains.add(line);
                    rules.computeIfAbsent(line.substring(1, line.indexOf(' ')), c -> new ArrayList<>());
                } else {
                    rules.computeIfAbsent(line.split(" ")[1], c -> new ArrayList<>()).add(line);
                }
            }
            out.append(lines.get(0)).append('\n');
            rules.keySet().forEach(c -> out.append(':').append(c).append(" - [0:0]\n"));
            rules.values().forEach(r -> r.forEach(l -> out.append(l).append('\n')));
            out.append("COMMIT\n");
        }
        return out.toString();
    }

    private static int rank(String chain) {
        return chain.equals("KUBE-NODEPORTS") ? 0 : chain.equals("KUBE-SERVICES") ? 1 : 2;
    }

    @Test
    void sixServicesGetExactlyTheRulesKubeProxysOwnTestExpects() {
        String rules = ProxyRules.write("10.0.0.0/8", "192.168.0.2", ports(), List.of());

        assertThat(sortedByChain(rules)).isEqualTo(ProxyRulesTest.golden("overall-iptables-rules.txt"));
    }

    @Test
    void theLocalPolicyWithoutALocalEndpointHasNoSvlChainAndItsExtChainEndsWithoutAJump() {
        ServicePort svc2 = ports().stream().filter(p -> p.name().name().equals("svc2")).findFirst().orElseThrow();

        assertThat(svc2.localEndpoints()).isEmpty();
        assertThat(svc2.hasEndpoints()).isTrue();
        assertThat(ProxyRules.write("10.0.0.0/8", List.of(svc2), List.of())).doesNotContain("KUBE-SVL-")
                .doesNotContain("-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -j ");
    }
}
