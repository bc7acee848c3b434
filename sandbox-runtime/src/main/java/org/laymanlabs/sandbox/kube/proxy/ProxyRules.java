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
 * hands the kernel; {@link ServiceRules} writes each service port's part. Declaring a chain flushes it, so every KUBE-* chain is rewritten at once;
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

    private final List<String> filterChains = new ArrayList<>();
    private final List<String> filterRules = new ArrayList<>();
    private final Set<String> natChains = new LinkedHashSet<>();
    private final List<String> natRules = new ArrayList<>();

    private ProxyRules() {
    }

    /**
     * The restore text for {@code ports}; {@code existingNatChains} are the nat chains in the
     * kernel now, so that stale service chains are deleted.
     */
    static String write(String clusterCidr, List<ServicePort> ports, Collection<String> existingNatChains) {
        return write(clusterCidr, "", ports, existingNatChains);
    }

    /** As above, on the node whose address is {@code nodeIp} (a firewall's source range may hold it). */
    static String write(String clusterCidr, String nodeIp, List<ServicePort> ports, Collection<String> existingNatChains) {
        ProxyRules rules = new ProxyRules();
        rules.filterChains.addAll(FILTER_CHAINS);
        rules.natChains.addAll(NAT_CHAINS);
        rules.masqueradeRules();
        for (ServicePort port : ports) {
            new ServiceRules(rules, clusterCidr, nodeIp, port).write();
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

    void nat(String rule) {
        natRules.add(rule);
    }

    void filter(String rule) {
        filterRules.add(rule);
    }

    void declareNat(String chain) {
        natChains.add(chain);
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
