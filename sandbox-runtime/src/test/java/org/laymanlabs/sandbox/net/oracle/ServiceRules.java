package org.laymanlabs.sandbox.net.oracle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * kube-proxy's nat rules for the Service default/web (10.96.0.10:80) with any number of
 * endpoints on port 8080, as proxier.go writes them: endpoints sorted as strings "ip:port", a
 * statistic rule of probability 1/(n-i) for each but the last, printed with ten decimals. In nth
 * mode the same shape picks the endpoints in turn, so each connection's endpoint is known.
 */
final class ServiceRules {

    private ServiceRules() {
    }

    static String forEndpoints(List<String> endpointIps, boolean nth) {
        List<String> sorted = endpointIps.stream().map(ip -> ip + ":8080").sorted().toList();
        StringBuilder rules = new StringBuilder("*nat\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n")
                .append(":KUBE-POSTROUTING - [0:0]\n:KUBE-SVC-WEB - [0:0]\n");
        for (int i = 0; i < sorted.size(); i++) {
            rules.append(":").append(sep(i)).append(" - [0:0]\n");
        }
        rules.append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
                .append("-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
                .append("-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n")
                .append("-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000\n")
                .append("-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n")
                .append("-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000\n")
                .append("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE\n")
                .append("-A KUBE-SERVICES -m comment --comment \"default/web:http cluster IP\" -m tcp -p tcp -d 10.96.0.10 ")
                .append("--dport 80 -j KUBE-SVC-WEB\n")
                .append("-A KUBE-SVC-WEB -m comment --comment \"default/web:http cluster IP\" -m tcp -p tcp -d 10.96.0.10 ")
                .append("--dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ\n");
        int n = sorted.size();
        for (int i = 0; i < n; i++) {
            rules.append("-A KUBE-SVC-WEB -m comment --comment \"default/web:http -> ").append(sorted.get(i)).append("\"");
            if (i < n - 1) {
                rules.append(nth ? " -m statistic --mode nth --every " + (n - i) + " --packet 0"
                        : " -m statistic --mode random --probability " + probability(n - i));
            }
            rules.append(" -j ").append(sep(i)).append('\n');
        }
        for (int i = 0; i < n; i++) {
            String ip = sorted.get(i).substring(0, sorted.get(i).indexOf(':'));
            rules.append("-A ").append(sep(i)).append(" -m comment --comment default/web:http -s ").append(ip)
                    .append(" -j KUBE-MARK-MASQ\n")
                    .append("-A ").append(sep(i)).append(" -m comment --comment default/web:http -m tcp -p tcp ")
                    .append("-j DNAT --to-destination ").append(sorted.get(i)).append('\n');
        }
        return rules.append("COMMIT\n").toString();
    }

    /** proxier.go's computeProbability: "%0.10f" of 1/n, rounded half-even as Go does. */
    static String probability(int n) {
        return new BigDecimal(1.0 / n).setScale(10, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String sep(int i) {
        return String.format("KUBE-SEP-EP%02d", i);
    }
}
