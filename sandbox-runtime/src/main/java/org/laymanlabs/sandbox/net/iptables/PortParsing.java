package org.laymanlabs.sandbox.net.iptables;

import java.util.Map;
import org.laymanlabs.sandbox.net.netfilter.PortRange;

/** Ports and port ranges as libxtables reads them (xtables_parse_port, parse_*_ports): numbers or service names. */
final class PortParsing {

    private static final Map<String, Integer> SERVICES = Map.of(
            "ftp", 21, "ssh", 22, "telnet", 23, "smtp", 25, "domain", 53,
            "http", 80, "pop3", 110, "https", 443, "http-alt", 8080);

    private PortParsing() {
    }

    static int port(String text) {
        Integer service = SERVICES.get(text);
        if (service != null) {
            return service;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535 && !text.startsWith("+")) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below, in iptables' words
        }
        throw IptablesError.parameter("invalid port/service `" + text + "' specified");
    }

    /** {@code a}, {@code a:b}, {@code :b} (from 0) or {@code a:} (to 65535). */
    static PortRange range(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return PortRange.single(port(text));
        }
        int min = colon == 0 ? 0 : port(text.substring(0, colon));
        int max = colon == text.length() - 1 ? 65535 : port(text.substring(colon + 1));
        if (min > max) {
            throw IptablesError.parameter("invalid portrange (min > max)");
        }
        return new PortRange(min, max);
    }
}
