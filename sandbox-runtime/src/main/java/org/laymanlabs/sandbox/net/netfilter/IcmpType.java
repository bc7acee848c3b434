package org.laymanlabs.sandbox.net.netfilter;

import java.util.Optional;

/**
 * The ICMP errors the sandbox's kernels send (include/uapi/linux/icmp.h), each with the name
 * {@code iptables -p icmp --icmp-type} knows it by, the words iputils ping prints when one comes
 * back (ping.c, pr_icmph), and the errno a TCP or UDP socket gets from it (icmp_err_convert in
 * net/ipv4/icmp.c; time exceeded is EHOSTUNREACH, as tcp_v4_err decides).
 */
public enum IcmpType {
    NET_UNREACHABLE("network-unreachable", "Destination Net Unreachable", "Network is unreachable"),
    HOST_UNREACHABLE("host-unreachable", "Destination Host Unreachable", "No route to host"),
    PROTOCOL_UNREACHABLE("protocol-unreachable", "Destination Protocol Unreachable", "Protocol not available"),
    PORT_UNREACHABLE("port-unreachable", "Destination Port Unreachable", "Connection refused"),
    NET_PROHIBITED("network-prohibited", "Destination Net Prohibited", "Network is unreachable"),
    HOST_PROHIBITED("host-prohibited", "Destination Host Prohibited", "No route to host"),
    ADMIN_PROHIBITED("communication-prohibited", "Packet filtered", "No route to host"),
    TTL_EXCEEDED("ttl-zero-during-transit", "Time to live exceeded", "No route to host");

    private final String keyword;
    private final String pingText;
    private final String strerror;

    IcmpType(String keyword, String pingText, String strerror) {
        this.keyword = keyword;
        this.pingText = pingText;
        this.strerror = strerror;
    }

    /** The name iptables gives it, e.g. {@code port-unreachable}. */
    public String keyword() {
        return keyword;
    }

    /** What ping prints after {@code From ADDR icmp_seq=N}. */
    public String pingText() {
        return pingText;
    }

    /** strerror() of the errno connect(2) fails with when this error comes back. */
    public String strerror() {
        return strerror;
    }

    /** The ICMP error a REJECT rule answers with (nf_send_unreach's code); empty for tcp-reset. */
    public static Optional<IcmpType> rejectedWith(RejectTarget.Type with) {
        return Optional.ofNullable(switch (with) {
            case ICMP_NET_UNREACHABLE -> NET_UNREACHABLE;
            case ICMP_HOST_UNREACHABLE -> HOST_UNREACHABLE;
            case ICMP_PROTO_UNREACHABLE -> PROTOCOL_UNREACHABLE;
            case ICMP_PORT_UNREACHABLE -> PORT_UNREACHABLE;
            case ICMP_NET_PROHIBITED -> NET_PROHIBITED;
            case ICMP_HOST_PROHIBITED -> HOST_PROHIBITED;
            case ICMP_ADMIN_PROHIBITED -> ADMIN_PROHIBITED;
            case TCP_RESET -> null;
        });
    }
}
