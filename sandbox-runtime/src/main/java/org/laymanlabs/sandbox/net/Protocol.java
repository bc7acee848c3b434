package org.laymanlabs.sandbox.net;

import java.util.Locale;
import java.util.Optional;

/** The IP protocols the sandbox carries, with the numbers and names of /etc/protocols. */
public enum Protocol {
    ICMP(1), TCP(6), UDP(17);

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The lower-case name iptables prints, e.g. {@code tcp}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts what iptables accepts for {@code -p}: a name in any case, or the number. */
    public static Optional<Protocol> fromKeyword(String text) {
        for (Protocol p : values()) {
            if (p.name().equalsIgnoreCase(text) || String.valueOf(p.number).equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
