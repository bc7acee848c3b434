package org.laymanlabs.sandbox.net.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Domain names in presentation form, fully qualified with their trailing dot as CoreDNS and dig
 * keep them ({@code frontend-svc.default.svc.cluster.local.}); the root is {@code "."}. Names
 * compare without regard to ASCII case (RFC 4343).
 */
public final class Names {

    /** RFC 1035 §2.3.4: 63 octets a label, 255 a name on the wire. */
    static final int MAX_LABEL = 63;
    static final int MAX_WIRE = 255;

    private Names() {
    }

    public static String fqdn(String name) {
        if (name.isEmpty() || name.equals(".")) {
            return ".";
        }
        return name.endsWith(".") ? name : name + ".";
    }

    /** The labels of a name, root excluded: {@code a.b.} gives [a, b]. */
    public static List<String> labels(String name) {
        String f = fqdn(name);
        if (f.equals(".")) {
            return List.of();
        }
        List<String> labels = new ArrayList<>(List.of(f.substring(0, f.length() - 1).split("\\.", -1)));
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new DnsFormatException("empty label in " + name);
            }
            if (label.length() > MAX_LABEL) {
                throw new DnsFormatException("label longer than 63 octets in " + name);
            }
        }
        return labels;
    }

    public static boolean same(String a, String b) {
        return fqdn(a).toLowerCase(Locale.ROOT).equals(fqdn(b).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is {@code zone} or below it. */
    public static boolean isSubdomain(String name, String zone) {
        String n = fqdn(name).toLowerCase(Locale.ROOT);
        String z = fqdn(zone).toLowerCase(Locale.ROOT);
        return z.equals(".") || n.equals(z) || n.endsWith("." + z);
    }
}
