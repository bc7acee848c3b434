package org.laymanlabs.sandbox.net.dns;

/** A message or name that breaks RFC 1035's format: a server answers FORMERR, a client discards it. */
public final class DnsFormatException extends RuntimeException {

    public DnsFormatException(String message) {
        super(message);
    }
}
