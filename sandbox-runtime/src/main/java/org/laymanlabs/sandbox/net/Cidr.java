package org.laymanlabs.sandbox.net;

/**
 * An IPv4 prefix such as {@code 10.244.0.0/16}. The network address is kept as written, so that
 * {@code ip addr} can show an interface's own address with its prefix length
 * ({@code 172.17.0.2/16}); {@link #network()} gives the masked form that routes and iptables print.
 */
public record Cidr(Ipv4Address address, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}, or a bare address as {@code /32}. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Cidr(Ipv4Address.parse(text), 32);
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 2 || !length.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid prefix \"" + text + "\"");
        }
        return new Cidr(Ipv4Address.parse(text.substring(0, slash)), Integer.parseInt(length));
    }

    public static Cidr host(Ipv4Address address) {
        return new Cidr(address, 32);
    }

    public int mask() {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    /** The prefix with the host bits cleared: {@code 172.17.0.2/16} gives {@code 172.17.0.0/16}. */
    public Cidr network() {
        return new Cidr(new Ipv4Address(address.bits() & mask()), prefixLength);
    }

    public boolean contains(Ipv4Address candidate) {
        return (candidate.bits() & mask()) == (address.bits() & mask());
    }

    /** The {@code n}th address of the network: 1 is the usual gateway, 2 the first host. */
    public Ipv4Address nth(int n) {
        return new Ipv4Address((address.bits() & mask()) + n);
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
