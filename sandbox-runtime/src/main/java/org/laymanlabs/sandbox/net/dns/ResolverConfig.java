package org.laymanlabs.sandbox.net.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * /etc/resolv.conf as glibc 2.36 reads it (resolv/res_init.c): up to three {@code nameserver}
 * lines (127.0.0.1 if none), {@code search} or {@code domain} (the last of the two wins),
 * and {@code options ndots:n timeout:n attempts:n}, capped at 15, 30 and 5 as RES_MAXNDOTS,
 * RES_MAXRETRANS and RES_MAXRETRY cap them. Unknown keywords and options are ignored, as glibc
 * ignores them.
 */
public record ResolverConfig(List<Ipv4Address> nameservers, List<String> search, int ndots, Duration timeout,
                             int attempts) {

    /** MAXNS. */
    private static final int MAX_NAMESERVERS = 3;

    public ResolverConfig {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
    }

    /** What a resolver uses with no resolv.conf at all: the local host, ndots:1, 5 s, 2 attempts. */
    public static ResolverConfig defaults() {
        return new ResolverConfig(List.of(Ipv4Address.parse("127.0.0.1")), List.of(), 1, Duration.ofSeconds(5), 2);
    }

    public static ResolverConfig parse(String text) {
        List<Ipv4Address> servers = new ArrayList<>();
        List<String> search = List.of();
        int ndots = 1;
        int timeout = 5;
        int attempts = 2;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] words = line.split("[ \t]+");
            switch (words[0]) {
                case "nameserver" -> {
                    if (words.length > 1 && Ipv4Address.isValid(words[1]) && servers.size() < MAX_NAMESERVERS) {
                        servers.add(Ipv4Address.parse(words[1]));
                    }
                }
                case "domain" -> search = words.length > 1 ? List.of(words[1]) : List.of();
                case "search" -> search = List.of(words).subList(1, words.length);
                case "options" -> {
                    for (int i = 1; i < words.length; i++) {
                        String option = words[i].toLowerCase(Locale.ROOT);
                        ndots = option(option, "ndots:", ndots, 15);
                        timeout = Math.max(1, option(option, "timeout:", timeout, 30));
                        attempts = Math.max(1, option(option, "attempts:", attempts, 5));
                    }
                }
                default -> { }
            }
        }
        if (servers.isEmpty()) {
            servers.add(Ipv4Address.parse("127.0.0.1"));
        }
        return new ResolverConfig(servers, search, ndots, Duration.ofSeconds(timeout), attempts);
    }

    private static int option(String option, String prefix, int current, int cap) {
        if (!option.startsWith(prefix)) {
            return current;
        }
        String digits = option.substring(prefix.length());
        return digits.matches("[0-9]{1,4}") ? Math.min(cap, Integer.parseInt(digits)) : current;
    }

    /**
     * The names res_search tries for {@code name}, in order: as is first when it has at least
     * {@code ndots} dots, then with each search domain, then as is last if not tried yet; a
     * trailing dot means the name is absolute and only it is tried.
     */
    public List<String> candidates(String name) {
        if (name.endsWith(".")) {
            return List.of(name);
        }
        long dots = name.chars().filter(c -> c == '.').count();
        List<String> tries = new ArrayList<>();
        if (dots >= ndots) {
            tries.add(name + ".");
        }
        for (String domain : search) {
            tries.add(name + "." + Names.fqdn(domain));
        }
        if (dots < ndots) {
            tries.add(name + ".");
        }
        return tries;
    }
}
