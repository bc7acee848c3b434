package org.laymanlabs.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * kube-proxy-style nat rules for many Services, one endpoint each, in the format kube-proxy feeds
 * to iptables-restore. About five rules per Service: the KUBE-SERVICES match, the SVC chain's
 * masquerade mark and jump, the SEP chain's hairpin mark and DNAT.
 */
final class KubeRules {

    private KubeRules() {
    }

    static String forServices(int services) {
        return String.join("", parts(services, services));
    }

    /**
     * The same rules as iptables-restore inputs of at most {@code perPart} Services each, to be
     * restored in order with {@code --noflush} (a workspace file holds at most 1 MiB). Only the
     * first part declares KUBE-SERVICES and KUBE-MARK-MASQ: under --noflush, declaring a chain
     * that exists flushes it.
     */
    static List<String> parts(int services, int perPart) {
        List<String> parts = new ArrayList<>();
        for (int from = 0; from < services; from += perPart) {
            parts.add(part(from, Math.min(services, from + perPart), from == 0));
        }
        return parts;
    }

    private static String part(int from, int to, boolean first) {
        StringBuilder rules = new StringBuilder("*nat\n");
        if (first) {
            rules.append(":KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n");
        }
        for (int i = from; i < to; i++) {
            rules.append(':').append(svc(i)).append(" - [0:0]\n:").append(sep(i)).append(" - [0:0]\n");
        }
        if (first) {
            rules.append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
            rules.append("-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000\n");
        }
        for (int i = from; i < to; i++) {
            String ip = clusterIp(i);
            String endpoint = endpointIp(i);
            rules.append("-A KUBE-SERVICES -m comment --comment \"ns/svc").append(i)
                    .append(" cluster IP\" -m tcp -p tcp -d ").append(ip).append(" --dport 80 -j ").append(svc(i)).append('\n');
            rules.append("-A ").append(svc(i)).append(" -m tcp -p tcp -d ").append(ip)
                    .append(" --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ\n");
            rules.append("-A ").append(svc(i)).append(" -j ").append(sep(i)).append('\n');
            rules.append("-A ").append(sep(i)).append(" -s ").append(endpoint).append(" -j KUBE-MARK-MASQ\n");
            rules.append("-A ").append(sep(i)).append(" -m tcp -p tcp -j DNAT --to-destination ").append(endpoint)
                    .append(":8080\n");
        }
        return rules.append("COMMIT\n").toString();
    }

    static String clusterIp(int i) {
        return "10.96." + (i / 250) + "." + (i % 250 + 1);
    }

    static String endpointIp(int i) {
        return "10.244." + (i / 250) + "." + (i % 250 + 2);
    }

    private static String svc(int i) {
        return String.format("KUBE-SVC-%016X", i);
    }

    private static String sep(int i) {
        return String.format("KUBE-SEP-%016X", i);
    }
}
