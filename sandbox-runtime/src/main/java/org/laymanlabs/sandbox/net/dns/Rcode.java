package org.laymanlabs.sandbox.net.dns;

/** The RCODE of a response (RFC 1035 §4.1.1), with the names dig prints in {@code status:}. */
public enum Rcode {
    NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED;

    public int value() {
        return ordinal();
    }

    /** The code on the wire; codes this model does not name are read as SERVFAIL, as a resolver treats them. */
    public static Rcode of(int value) {
        return value >= 0 && value < values().length ? values()[value] : SERVFAIL;
    }
}
