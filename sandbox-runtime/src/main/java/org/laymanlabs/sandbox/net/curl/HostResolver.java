package org.laymanlabs.sandbox.net.curl;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;

/** getaddrinfo(3) as curl uses it: an address literal, /etc/hosts, then DNS. */
@FunctionalInterface
public interface HostResolver extends java.io.Serializable {

    /** Literals and localhost only, as on a machine whose DNS answers nothing. */
    HostResolver LITERALS_ONLY = host -> Optional.empty();

    /** Looks a name up; literals and {@code localhost} never reach the resolver. */
    Optional<Ipv4Address> lookup(String host);

    default Optional<Ipv4Address> resolve(String host) {
        if (Ipv4Address.isValid(host)) {
            return Optional.of(Ipv4Address.parse(host));
        }
        if (host.equalsIgnoreCase("localhost")) {
            return Optional.of(Ipv4Address.parse("127.0.0.1"));
        }
        return lookup(host);
    }
}
