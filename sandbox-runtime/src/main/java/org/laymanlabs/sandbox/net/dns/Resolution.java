package org.laymanlabs.sandbox.net.dns;

import java.util.List;
import org.laymanlabs.sandbox.net.Ipv4Address;

/** What getaddrinfo returns for a name: its addresses, or an EAI error with gai_strerror's text. */
public sealed interface Resolution {

    /** {@code name} is the name that answered, after the search list (or the name itself from /etc/hosts). */
    record Found(String name, List<Ipv4Address> addresses) implements Resolution {
        public Found {
            addresses = List.copyOf(addresses);
        }
    }

    record Failed(Failure failure) implements Resolution { }

    /** The h_errno a lookup ended with, as getaddrinfo maps it to an EAI code. */
    enum Failure {
        /** HOST_NOT_FOUND: EAI_NONAME. */
        NONAME("Name or service not known"),
        /** NO_DATA: the name exists without an address, EAI_NODATA. */
        NODATA("No address associated with hostname"),
        /** TRY_AGAIN: a timeout or SERVFAIL, EAI_AGAIN. */
        AGAIN("Temporary failure in name resolution");

        private final String text;

        Failure(String text) {
            this.text = text;
        }

        public String gaiStrerror() {
            return text;
        }
    }
}
