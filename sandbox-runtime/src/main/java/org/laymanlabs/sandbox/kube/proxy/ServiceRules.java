package org.laymanlabs.sandbox.kube.proxy;

import java.util.List;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * Mirrors the body of syncProxyRules' loop over service ports in pkg/proxy/iptables/proxier.go
 * (v1.32): which chains one service port gets and what jumps into them. ClusterIP traffic goes to
 * the internal policy chain (KUBE-SVC, or KUBE-SVL for internalTrafficPolicy Local); NodePort,
 * load-balancer and external-IP traffic goes through KUBE-EXT (or KUBE-FW first, with
 * loadBalancerSourceRanges) to the external policy chain. Without any endpoint the filter table
 * REJECTs the Service's addresses; without a local one under a Local policy it DROPs them.
 */
final class ServiceRules {

    private final ProxyRules out;
    private final String clusterCidr;
    private final String nodeIp;
    private final ServicePort svc;
    private final String name;
    private final String proto;

    ServiceRules(ProxyRules out, String clusterCidr, String nodeIp, ServicePort svc) {
        this.out = out;
        this.clusterCidr = clusterCidr;
        this.nodeIp = nodeIp;
        this.svc = svc;
        this.name = svc.name().toString();
        this.proto = svc.protocolFlag();
    }

    void write() {
        List<Endpoint> cluster = svc.clusterEndpoints();
        List<Endpoint> local = svc.localEndpoints();
        boolean hasEndpoints = svc.hasEndpoints();
        String clusterChain = svc.name().svcChain();
        String localChain = svc.name().svlChain();
        String ext = svc.name().extChain();
        String fw = svc.name().fwChain();
        boolean usesClusterChain = !cluster.isEmpty() && svc.usesClusterEndpoints();
        boolean usesLocalChain = !local.isEmpty() && svc.usesLocalEndpoints();
        String internalChain = svc.internalPolicyLocal() ? localChain : clusterChain;
        boolean hasInternal = hasEndpoints && !(svc.internalPolicyLocal() && local.isEmpty());
        String externalChain = svc.externalPolicyLocal() ? localChain : clusterChain;
        boolean hasExternal = hasEndpoints && !(svc.externalPolicyLocal() && local.isEmpty());
        boolean usesExt = hasEndpoints && svc.externallyAccessible();
        boolean usesFw = hasEndpoints && !svc.external().loadBalancerIps().isEmpty()
                && !svc.external().sourceRanges().isEmpty();
        String lbChain = usesFw ? fw : ext;
        String internalFilter = !hasEndpoints ? "REJECT" : "DROP";
        String internalComment = quote(name + (!hasEndpoints ? " has no endpoints" : " has no local endpoints"));
        String externalFilter = internalFilter;
        String externalComment = internalComment;

        String clusterIpMatch = "-m " + proto + " -p " + proto + " -d " + svc.clusterIp() + " --dport " + svc.port();
        if (hasInternal) {
            out.nat("-A KUBE-SERVICES -m comment --comment " + quote(name + " cluster IP") + " " + clusterIpMatch
                    + " -j " + internalChain);
        } else {
            out.filter("-A KUBE-SERVICES -m comment --comment " + internalComment + " " + clusterIpMatch + " -j "
                    + internalFilter);
        }
        for (String ip : svc.external().externalIps()) {
            String match = "-m " + proto + " -p " + proto + " -d " + ip + " --dport " + svc.port();
            if (hasEndpoints) {
                out.nat("-A KUBE-SERVICES -m comment --comment " + quote(name + " external IP") + " " + match + " -j " + ext);
            }
            if (!hasExternal) {
                out.filter("-A KUBE-EXTERNAL-SERVICES -m comment --comment " + externalComment + " " + match + " -j "
                        + externalFilter);
            }
        }
        for (String ip : svc.external().loadBalancerIps()) {
            String match = "-m " + proto + " -p " + proto + " -d " + ip + " --dport " + svc.port();
            if (hasEndpoints) {
                out.nat("-A KUBE-SERVICES -m comment --comment " + quote(name + " loadbalancer IP") + " " + match
                        + " -j " + lbChain);
            }
            if (usesFw) {
                out.filter("-A KUBE-PROXY-FIREWALL -m comment --comment " + quote(name + " traffic not accepted by " + fw)
                        + " " + match + " -j DROP");
            }
        }
        if (!hasExternal) {
            for (String ip : svc.external().loadBalancerIps()) {
                out.filter("-A KUBE-EXTERNAL-SERVICES -m comment --comment " + externalComment + " -m " + proto + " -p "
                        + proto + " -d " + ip + " --dport " + svc.port() + " -j " + externalFilter);
            }
        }
        if (svc.nodePort() != 0) {
            if (hasEndpoints) {
                out.nat("-A KUBE-NODEPORTS -m comment --comment " + name + " -m " + proto + " -p " + proto + " --dport "
                        + svc.nodePort() + " -j " + ext);
            }
            if (!hasExternal) {
                out.filter("-A KUBE-EXTERNAL-SERVICES -m comment --comment " + externalComment
                        + " -m addrtype --dst-type LOCAL -m " + proto + " -p " + proto + " --dport " + svc.nodePort()
                        + " -j " + externalFilter);
            }
        }
        if (svc.external().healthCheckNodePort() != 0) {
            // Accepted whether or not this node has local endpoints: the answer is what the load balancer wants.
            out.filter("-A KUBE-NODEPORTS -m comment --comment " + quote(name + " health check node port")
                    + " -m tcp -p tcp --dport " + svc.external().healthCheckNodePort() + " -j ACCEPT");
        }
        if (hasInternal) {
            out.nat("-A " + internalChain + " -m comment --comment " + quote(name + " cluster IP") + " " + clusterIpMatch
                    + " ! -s " + clusterCidr + " -j KUBE-MARK-MASQ");
        }
        if (usesExt) {
            externalChain(ext, clusterChain, externalChain, hasExternal);
        }
        if (usesFw) {
            firewallChain(fw, ext);
        }
        if (usesClusterChain) {
            out.declareNat(clusterChain);
            toEndpoints(clusterChain, cluster);
        }
        if (usesLocalChain) {
            out.declareNat(localChain);
            toEndpoints(localChain, local);
        }
        for (Endpoint endpoint : svc.reachableEndpoints()) {
            endpointChain(endpoint);
        }
    }

    private void externalChain(String ext, String clusterChain, String externalChain, boolean hasExternal) {
        out.declareNat(ext);
        if (!svc.externalPolicyLocal()) {
            // Endpoints may be on other nodes, whose answers must come back through this one.
            out.nat("-A " + ext + " -m comment --comment " + quote("masquerade traffic for " + name + " external destinations")
                    + " -j KUBE-MARK-MASQ");
        } else {
            // Pods and the node itself are short-circuited to every endpoint, as if they went out to the balancer and back.
            out.nat("-A " + ext + " -m comment --comment " + quote("pod traffic for " + name + " external destinations")
                    + " -s " + clusterCidr + " -j " + clusterChain);
            out.nat("-A " + ext + " -m comment --comment " + quote("masquerade LOCAL traffic for " + name
                    + " external destinations") + " -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ");
            out.nat("-A " + ext + " -m comment --comment " + quote("route LOCAL traffic for " + name
                    + " external destinations") + " -m addrtype --src-type LOCAL -j " + clusterChain);
        }
        if (hasExternal) {
            out.nat("-A " + ext + " -j " + externalChain);
        }
    }

    private void firewallChain(String fw, String ext) {
        out.declareNat(fw);
        String head = "-A " + fw + " -m comment --comment " + quote(name + " loadbalancer IP");
        boolean allowFromNode = false;
        for (String range : svc.external().sourceRanges()) {
            out.nat(head + " -s " + range + " -j " + ext);
            allowFromNode |= !nodeIp.isEmpty() && Cidr.parse(range).contains(Ipv4Address.parse(nodeIp));
        }
        if (allowFromNode) {
            // A VIP-like balancer loops the node's own requests back with the VIP as their source.
            for (String ip : svc.external().loadBalancerIps()) {
                out.nat(head + " -s " + ip + " -j " + ext);
            }
        }
        out.nat("-A " + fw + " -m comment --comment " + quote("other traffic to " + name
                + " will be dropped by KUBE-PROXY-FIREWALL"));
    }

    /** writeServiceToEndpointRules: affinity checks first, then 1/n, 1/(n-1), … and a last unconditional jump. */
    private void toEndpoints(String chain, List<Endpoint> endpoints) {
        if (svc.affinitySeconds() > 0) {
            for (Endpoint endpoint : endpoints) {
                String sep = svc.name().sepChain(endpoint.toString());
                out.nat("-A " + chain + " -m comment --comment " + quote(name + " -> " + endpoint) + " -m recent --name "
                        + sep + " --rcheck --seconds " + svc.affinitySeconds() + " --reap -j " + sep);
            }
        }
        int n = endpoints.size();
        for (int i = 0; i < n; i++) {
            Endpoint endpoint = endpoints.get(i);
            String statistic = i < n - 1 ? " -m statistic --mode random --probability " + ProxyRules.probability(n - i) : "";
            out.nat("-A " + chain + " -m comment --comment " + quote(name + " -> " + endpoint) + statistic
                    + " -j " + svc.name().sepChain(endpoint.toString()));
        }
    }

    private void endpointChain(Endpoint endpoint) {
        String sep = svc.name().sepChain(endpoint.toString());
        out.declareNat(sep);
        out.nat("-A " + sep + " -m comment --comment " + name + " -s " + endpoint.ip() + " -j KUBE-MARK-MASQ");
        String affinity = svc.affinitySeconds() > 0 ? " -m recent --name " + sep + " --set" : "";
        out.nat("-A " + sep + " -m comment --comment " + name + affinity + " -m " + proto + " -p " + proto
                + " -j DNAT --to-destination " + endpoint);
    }

    /** appendServiceCommentLocked quotes what has a space, as the test expectations show. */
    private static String quote(String comment) {
        return "\"" + comment + "\"";
    }
}
