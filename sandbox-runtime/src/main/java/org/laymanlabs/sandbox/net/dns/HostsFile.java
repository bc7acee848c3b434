package org.laymanlabs.sandbox.net.dns;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * /etc/hosts as nss_files reads it for gethostbyname and getaddrinfo: the first line, in file
 * order, that has the name as its canonical name or an alias, case-insensitively; text after
 * {@code #} is a comment. Only IPv4 lines answer an IPv4 lookup.
 */
public record HostsFile(String text) {

    public static final HostsFile EMPTY = new HostsFile("");

    public Optional<Ipv4Address> lookup(String name) {
        String wanted = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String raw : text.lines().toList()) {
            int hash = raw.indexOf('#');
            String[] words = (hash < 0 ? raw : raw.substring(0, hash)).strip().split("[ \t]+");
            if (words.length < 2 || !Ipv4Address.isValid(words[0])) {
                continue;
            }
            for (int i = 1; i < words.length; i++) {
                if (words[i].equalsIgnoreCase(wanted)) {
                    return Optional.of(Ipv4Address.parse(words[0]));
                }
            }
        }
        return Optional.empty();
    }
}
