package org.laymanlabs.sandbox.net.dns;

import java.util.Arrays;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The RDATA of the record types a cluster's DNS serves (RFC 1035 §3.3, §3.4.1; RFC 3596;
 * RFC 2782), each written as dig prints it in a record's last column. Anything else is kept as
 * opaque bytes, printed in RFC 3597's {@code \# length hex} form.
 */
public sealed interface RData {

    /** dig's presentation of the data. */
    String text();

    record A(Ipv4Address address) implements RData {
        public String text() {
            return address.toString();
        }
    }

    /** Sixteen bytes of IPv6 address, printed in RFC 5952's shortest form. */
    record Aaaa(byte[] address) implements RData {
        public Aaaa {
            if (address.length != 16) {
                throw new IllegalArgumentException("an AAAA record holds 16 bytes, not " + address.length);
            }
            address = address.clone();
        }

        public String text() {
            return Ipv6Text.format(address);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Aaaa other && Arrays.equals(address, other.address);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address);
        }
    }

    record Cname(String target) implements RData {
        public Cname {
            target = Names.fqdn(target);
        }

        public String text() {
            return target;
        }
    }

    record Ns(String host) implements RData {
        public Ns {
            host = Names.fqdn(host);
        }

        public String text() {
            return host;
        }
    }

    record Ptr(String target) implements RData {
        public Ptr {
            target = Names.fqdn(target);
        }

        public String text() {
            return target;
        }
    }

    record Srv(int priority, int weight, int port, String target) implements RData {
        public Srv {
            target = Names.fqdn(target);
        }

        public String text() {
            return priority + " " + weight + " " + port + " " + target;
        }
    }

    /** The zone's start of authority; {@code minimum} is the negative-caching TTL (RFC 2308). */
    record Soa(String mname, String rname, long serial, long refresh, long retry, long expire, long minimum)
            implements RData {
        public Soa {
            mname = Names.fqdn(mname);
            rname = Names.fqdn(rname);
        }

        public String text() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }
    }

    /** Data of a type this model does not parse (an EDNS OPT's options, TXT, MX…): carried as is. */
    record Opaque(byte[] bytes) implements RData {
        public Opaque {
            bytes = bytes.clone();
        }

        public String text() {
            StringBuilder hex = new StringBuilder("\\# " + bytes.length);
            if (bytes.length > 0) {
                hex.append(' ');
                for (byte b : bytes) {
                    hex.append(String.format("%02X", b & 0xFF));
                }
            }
            return hex.toString();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
