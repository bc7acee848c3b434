package org.laymanlabs.sandbox.net;

import java.util.random.RandomGenerator;

/** A 48-bit Ethernet address, printed as iproute2 prints it: six lower-case hex pairs. */
public record MacAddress(long bits) {

    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    /**
     * A random unicast, locally administered address, as the kernel's eth_random_addr gives a
     * new veth or bridge (and as Docker 26+ gives containers), drawn from the sandbox's seeded source.
     */
    public static MacAddress random(RandomGenerator random) {
        long bits = random.nextLong() & 0xFFFF_FFFF_FFFFL;
        bits &= ~(1L << 40);   // clear the multicast bit of the first octet
        bits |= 1L << 41;      // set the locally-administered bit
        return new MacAddress(bits);
    }

    /** iproute2's ll_addr_a2n for an Ethernet address: six hex pairs joined by colons; empty if malformed. */
    public static java.util.Optional<MacAddress> parse(String text) {
        if (!text.matches("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}")) {
            return java.util.Optional.empty();
        }
        long bits = 0;
        for (String pair : text.split(":")) {
            bits = (bits << 8) | Long.parseLong(pair, 16);
        }
        return java.util.Optional.of(new MacAddress(bits));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(String.format("%02x", (bits >>> shift) & 0xFF));
        }
        return text.toString();
    }
}
