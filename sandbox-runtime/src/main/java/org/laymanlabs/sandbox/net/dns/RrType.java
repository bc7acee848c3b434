package org.laymanlabs.sandbox.net.dns;

import java.util.Map;
import java.util.Optional;

/**
 * A resource record TYPE or QTYPE (RFC 1035 §3.2.2, RFC 3596, RFC 2782, RFC 6891). A type
 * without a mnemonic is written as RFC 3597 says, {@code TYPE65}, as dig writes it.
 */
public record RrType(int value) {

    public static final RrType A = new RrType(1);
    public static final RrType NS = new RrType(2);
    public static final RrType CNAME = new RrType(5);
    public static final RrType SOA = new RrType(6);
    public static final RrType PTR = new RrType(12);
    public static final RrType MX = new RrType(15);
    public static final RrType TXT = new RrType(16);
    public static final RrType AAAA = new RrType(28);
    public static final RrType SRV = new RrType(33);
    public static final RrType OPT = new RrType(41);
    public static final RrType AXFR = new RrType(252);
    public static final RrType ANY = new RrType(255);

    private static final Map<Integer, String> MNEMONICS = Map.ofEntries(Map.entry(1, "A"), Map.entry(2, "NS"),
            Map.entry(5, "CNAME"), Map.entry(6, "SOA"), Map.entry(12, "PTR"), Map.entry(15, "MX"), Map.entry(16, "TXT"),
            Map.entry(28, "AAAA"), Map.entry(33, "SRV"), Map.entry(41, "OPT"), Map.entry(252, "AXFR"),
            Map.entry(255, "ANY"));

    public RrType {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("a TYPE is 16 bits, not " + value);
        }
    }

    /** Parses what dig and nslookup accept as a type: a mnemonic in any case, or {@code TYPEnnn}. */
    public static Optional<RrType> parse(String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        for (Map.Entry<Integer, String> e : MNEMONICS.entrySet()) {
            if (e.getValue().equals(upper)) {
                return Optional.of(new RrType(e.getKey()));
            }
        }
        if (upper.matches("TYPE[0-9]{1,5}") && Integer.parseInt(upper.substring(4)) <= 0xFFFF) {
            return Optional.of(new RrType(Integer.parseInt(upper.substring(4))));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return MNEMONICS.getOrDefault(value, "TYPE" + value);
    }
}
