package org.laymanlabs.sandbox.kube.proxy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mirrors pkg/proxy/iptables/proxier.go syncProxyRules, the part that writes: the whole filter
 * and nat ruleset for a set of service ports, as the one iptables-restore --noflush blob kube-proxy
 * hands the kernel. Declaring a chain flushes it, so every KUBE-* chain is rewritten at once;
 * service chains that existed before and are gone now are declared and deleted with -X.
 *
 * <p>This host's iptables has no nfacct match, so, as kube-proxy does when the nfacct counters
 * cannot be created, no rule carries one; localhost NodePorts are off (as with
 * --iptables-localhost-nodeports=false), so neither the 127.0.0.0/8 NodePort rules nor
 * KUBE-FIREWALL are written.
 */
final class ProxyRules {

    static final String MASQ_MARK = "0x4000";
    static final List<String> FILTER_CHAINS = List.of("KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-FORWARD",
            "KUBE-NODEPORTS", "KUBE-PROXY-FIREWALL");
    static final List<String> NAT_CHAINS = List.of("KUBE-SERVICES", "KUBE-NODEPORTS", "KUBE-POSTROUTING", "KUBE-MARK-MASQ");
    private static final List<String> SERVICE_CHAIN_PREFIXES = List.of("KUBE-SVC-", "KUBE-SVL-", "KUBE-EXT-", "KUBE-FW-",
            "KUBE-SEP-");

    private final String clusterCidr;
    private final List<String> filterChains = new ArrayList<>();
    private final List<String> filterRules = new ArrayList<>();
    private final Set<String> natChains = new LinkedHashSet<>();
    private final List<String> natRules = new ArrayList<>();

    private ProxyRules(String clusterCidr) {
        this.clusterCidr = clusterCidr;
    }

    /**
     * The restore text for {@code ports}; {@code existingNatChains} are the nat chains in the
     * kernel now, so that stale service chains are deleted.
     */
    static String write(String clusterCidr, List<ServicePort> ports, Collection<String> existingNatChains) {
        ProxyRules rules = new ProxyRules(clusterCidr);
        rules.filterChains.addAll(FILTER_CHAINS);
        rules.natChains.addAll(NAT_CHAINS);
        rules.masqueradeRules();
        for (ServicePort port : ports) {
            rules.service(port);
        }
        rules.natRules.add("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be"
                + " the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS");
        rules.forwardRules();
        rules.deleteStale(existingNatChains);
        return rules.text();
    }

    private void masqueradeRules() {
        natRules.add("-A KUBE-POSTROUTING -m mark ! --mark " + MASQ_MARK + "/" + MASQ_MARK + " -j RETURN");
        natRules.add("-A KUBE-POSTROUTING -j MARK --xor-mark " + MASQ_MARK);
        natRules.add("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\""
                + " -j MASQUERADE --random-fully");
        natRules.add("-A KUBE-MARK-MASQ -j MARK --or-mark " + MASQ_MARK);
    }

    private void forwardRules() {
        filterRules.add("-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP");
        filterRules.add("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding rules\" -m mark --mark "
                + MASQ_MARK + "/" + MASQ_MARK + " -j ACCEPT");
        filterRules.add("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding conntrack rule\""
                + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    }

    private void service(ServicePort port) {
        String name = port.name().toString();
        String proto = port.protocolFlag();
        String clusterIpMatch = "-m " + proto + " -p " + proto + " -d " + port.clusterIp() + " --dport " + port.port();
        List<Endpoint> endpoints = port.clusterEndpoints();
        if (endpoints.isEmpty()) {
            // No KUBE-SVC chain at all: filter rejects the ClusterIP and the NodePort instead.
            filterRules.add("-A KUBE-SERVICES -m comment --comment \"" + name + " has no endpoints\" " + clusterIpMatch
                    + " -j REJECT");
            if (port.nodePort() != 0) {
                filterRules.add("-A KUBE-EXTERNAL-SERVICES -m comment --comment \"" + name + " has no endpoints\""
                        + " -m addrtype --dst-type LOCAL -m " + proto + " -p " + proto + " --dport " + port.nodePort()
                        + " -j REJECT");
            }
            return;
        }
        String svc = port.name().svcChain();
        natChains.add(svc);
        natRules.add("-A KUBE-SERVICES -m comment --comment \"" + name + " cluster IP\" " + clusterIpMatch + " -j " + svc);
        if (port.nodePort() != 0) {
            nodePort(port, svc);
        }
        natRules.add("-A " + svc + " -m comment --comment \"" + name + " cluster IP\" " + clusterIpMatch
                + " ! -s " + clusterCidr + " -j KUBE-MARK-MASQ");
        serviceToEndpoints(port, svc, endpoints);
        for (Endpoint endpoint : endpoints) {
            endpointChain(port, endpoint);
        }
    }

    private void nodePort(ServicePort port, String svc) {
        String name = port.name().toString();
        String ext = port.name().extChain();
        String proto = port.protocolFlag();
        natChains.add(ext);
        natRules.add("-A KUBE-NODEPORTS -m comment --comment " + name + " -m " + proto + " -p " + proto
                + " --dport " + port.nodePort() + " -j " + ext);
        natRules.add("-A " + ext + " -m comment --comment \"masquerade traffic for " + name + " external destinations\""
                + " -j KUBE-MARK-MASQ");
        natRules.add("-A " + ext + " -j " + svc);
    }

    /** writeServiceToEndpointRules: affinity checks first, then 1/n, 1/(n-1), … and a last unconditional jump. */
    private void serviceToEndpoints(ServicePort port, String svc, List<Endpoint> endpoints) {
        String name = port.name().toString();
        if (port.affinitySeconds() > 0) {
            for (Endpoint endpoint : endpoints) {
                String sep = port.name().sepChain(endpoint.toString());
                natRules.add("-A " + svc + " -m comment --comment \"" + name + " -> " + endpoint + "\" -m recent --name "
                        + sep + " --rcheck --seconds " + port.affinitySeconds() + " --reap -j " + sep);
            }
        }
        int n = endpoints.size();
        for (int i = 0; i < n; i++) {
            Endpoint endpoint = endpoints.get(i);
            String statistic = i < n - 1 ? " -m statistic --mode random --probability " + probability(n - i) : "";
            natRules.add("-A " + svc + " -m comment --comment \"" + name + " -> " + endpoint + "\"" + statistic
                    + " -j " + port.name().sepChain(endpoint.toString()));
        }
    }

    private void endpointChain(ServicePort port, Endpoint endpoint) {
        String name = port.name().toString();
        String sep = port.name().sepChain(endpoint.toString());
        String proto = port.protocolFlag();
        natChains.add(sep);
        natRules.add("-A " + sep + " -m comment --comment " + name + " -s " + endpoint.ip() + " -j KUBE-MARK-MASQ");
        String affinity = port.affinitySeconds() > 0 ? " -m recent --name " + sep + " --set" : "";
        natRules.add("-A " + sep + " -m comment --comment " + name + affinity + " -m " + proto + " -p " + proto
                + " -j DNAT --to-destination " + endpoint);
    }

    private void deleteStale(Collection<String> existing) {
        for (String chain : existing) {
            if (!natChains.contains(chain) && SERVICE_CHAIN_PREFIXES.stream().anyMatch(chain::startsWith)) {
                natChains.add(chain);
                natRules.add("-X " + chain);
            }
        }
    }

    /** proxier.go computeProbability: "%0.10f" of 1/n; Go rounds the exact binary value half-even. */
    static String probability(int n) {
        return new BigDecimal(1.0 / n).setScale(10, RoundingMode.HALF_EVEN).toPlainString();
    }

    private String text() {
        StringBuilder out = new StringBuilder("*filter\n");
        filterChains.forEach(c -> out.append(':').append(c).append(" - [0:0]\n"));
        filterRules.forEach(r -> out.append(r).append('\n'));
        out.append("COMMIT\n*nat\n");
        natChains.forEach(c -> out.append(':').append(c).append(" - [0:0]\n"));
        natRules.forEach(r -> out.append(r).append('\n'));
        return out.append("COMMIT\n").toString();
    }
}
