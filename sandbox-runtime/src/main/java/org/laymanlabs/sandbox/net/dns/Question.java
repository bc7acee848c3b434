package org.laymanlabs.sandbox.net.dns;

import java.util.Objects;

/** One entry of the question section (RFC 1035 §4.1.2): a fully qualified name, its QTYPE and QCLASS. */
public record Question(String name, RrType type, int dnsClass) {

    /** QCLASS IN, the only class a cluster serves. */
    public static final int IN = 1;

    public Question {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        name = Names.fqdn(name);
    }

    public static Question in(String name, RrType type) {
        return new Question(name, type, IN);
    }
}
