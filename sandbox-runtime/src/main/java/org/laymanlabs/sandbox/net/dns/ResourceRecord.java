package org.laymanlabs.sandbox.net.dns;

import java.util.Objects;

/**
 * One resource record (RFC 1035 §4.1.3). For an EDNS OPT pseudo-record (RFC 6891) the class
 * holds the sender's UDP payload size and the TTL the extended RCODE, version and flags.
 */
public record ResourceRecord(String name, RrType type, int dnsClass, long ttl, RData data) {

    public ResourceRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        name = Names.fqdn(name);
    }

    public static ResourceRecord in(String name, long ttl, RData data) {
        return new ResourceRecord(name, typeOf(data), Question.IN, ttl, data);
    }

    /** An OPT record advertising {@code udpSize} bytes, as a client or server puts in the additional section. */
    public static ResourceRecord opt(int udpSize) {
        return new ResourceRecord(".", RrType.OPT, udpSize, 0, new RData.Opaque(new byte[0]));
    }

    private static RrType typeOf(RData data) {
        if (data instanceof RData.A) {
            return RrType.A;
        }
        if (data instanceof RData.Aaaa) {
            return RrType.AAAA;
        }
        if (data instanceof RData.Cname) {
            return RrType.CNAME;
        }
        if (data instanceof RData.Ns) {
            return RrType.NS;
        }
        if (data instanceof RData.Ptr) {
            return RrType.PTR;
        }
        if (data instanceof RData.Srv) {
            return RrType.SRV;
        }
        if (data instanceof RData.Soa) {
            return RrType.SOA;
        }
        throw new IllegalArgumentException("opaque data needs its type given");
    }
}
