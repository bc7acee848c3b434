package org.laymanlabs.sandbox.net.netfilter;

import java.util.Objects;

/**
 * The body of an ICMP error (RFC 792): its type and the header of the packet it is about, which
 * the kernel quotes (icmp_send copies the offending IP header and the start of its payload).
 * Conntrack reads the quoted header to find the connection the error is RELATED to, and NAT
 * rewrites it as well as the outer header.
 */
public record IcmpError(IcmpType type, PacketHeader quoted) {

    public IcmpError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quoted, "quoted");
    }

    public IcmpError withQuoted(PacketHeader header) {
        return new IcmpError(type, header);
    }
}
