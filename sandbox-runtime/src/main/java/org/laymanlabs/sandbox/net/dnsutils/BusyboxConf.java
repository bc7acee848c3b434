package org.laymanlabs.sandbox.net.dnsutils;

import java.util.ArrayList;
import java.util.List;

/**
 * resolv.conf as busybox nslookup's own parse_resolvconf reads it: every nameserver line, and
 * the search list from the last {@code search} line ({@code domain} only without one); a
 * {@code domain .} means none. Options such as ndots are not read at all.
 */
record BusyboxConf(List<String> nameservers, List<String> search) {

    static BusyboxConf parse(String text) {
        List<String> servers = new ArrayList<>();
        String search = null;
        boolean haveSearch = false;
        for (String line : text.lines().toList()) {
            String[] words = line.strip().split("[ \t]+", 2);
            if (words.length < 2) {
                continue;
            }
            switch (words[0]) {
                case "nameserver" -> servers.add(words[1].strip());
                case "search" -> {
                    haveSearch = true;
                    search = words[1].strip();
                }
                case "domain" -> search = haveSearch ? search : words[1].strip();
                default -> { }
            }
        }
        if (search == null || search.equals(".")) {
            return new BusyboxConf(servers, List.of());
        }
        return new BusyboxConf(servers, List.of(search.split("[ \t]+")));
    }
}
