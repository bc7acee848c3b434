package org.laymanlabs.sandbox.net.netfilter;

import java.util.Map;
import org.laymanlabs.sandbox.net.Protocol;

/** An inclusive port range {@code min:max}; a single port has {@code min == max}. */
public record PortRange(int min, int max) {

    /** The few /etc/services names iptables -L prints without -n (getservbyport). */
    private static final Map<Integer, String> SERVICES = Map.of(
            21, "ftp", 22, "ssh", 23, "telnet", 25, "smtp", 53, "domain",
            80, "http", 110, "pop3", 443, "https", 8080, "http-alt");

    public PortRange {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("invalid port range " + min + ":" + max);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= min && port <= max;
    }

    /** As iptables-save writes it: {@code 80} or {@code 1000:2000}. */
    public String save() {
        return min == max ? String.valueOf(min) : min + ":" + max;
    }

    /** As iptables -L writes it, with service names unless {@code numeric}. */
    String print(boolean numeric, Protocol protocol) {
        return min == max ? port(min, numeric, protocol) : port(min, numeric, protocol) + ":" + port(max, numeric, protocol);
    }

    private static String port(int port, boolean numeric, Protocol protocol) {
        String service = SERVICES.get(port);
        if (numeric || service == null || protocol == Protocol.ICMP) {
            return String.valueOf(port);
        }
        return service;
    }
}
