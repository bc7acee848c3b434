package org.laymanlabs.sandbox.net.dnsutils;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.dns.RrType;

/** dig's command line, as dig.c parse_args reads the part of it the sandbox serves. */
record DigArgs(Optional<Ipv4Address> server, String name, RrType type, boolean shortForm, boolean tcp,
               boolean search) {

    static DigArgs parse(List<String> args) {
        Optional<Ipv4Address> server = Optional.empty();
        String name = null;
        RrType type = null;
        boolean shortForm = false;
        boolean tcp = false;
        boolean search = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("@")) {
                String host = a.substring(1);
                if (!Ipv4Address.isValid(host)) {
                    throw new IllegalArgumentException("dig: couldn't get address for '" + host + "': not found");
                }
                server = Optional.of(Ipv4Address.parse(host));
            } else if (a.equals("+short")) {
                shortForm = true;
            } else if (a.equals("+tcp") || a.equals("+vc")) {
                tcp = true;
            } else if (a.equals("+search")) {
                search = true;
            } else if (a.equals("+nosearch") || a.equals("+notcp") || a.equals("+noshort")) {
                continue;
            } else if (a.startsWith("+")) {
                throw new IllegalArgumentException("Invalid option: " + a);
            } else if (a.equals("-t") && i + 1 < args.size()) {
                String t = args.get(++i);
                type = RrType.parse(t).orElseThrow(() -> new IllegalArgumentException(
                        ";; Warning, ignoring invalid type " + t));
            } else if (a.equals("-x") && i + 1 < args.size()) {
                String ip = args.get(++i);
                if (!Ipv4Address.isValid(ip)) {
                    throw new IllegalArgumentException("Invalid IP address " + ip);
                }
                String[] o = ip.split("\\.");
                name = o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa.";
                type = RrType.PTR;
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("Invalid option: " + a);
            } else if (type == null && RrType.parse(a).isPresent()) {
                type = RrType.parse(a).get();
            } else {
                name = a;
            }
        }
        if (name == null) {
            return new DigArgs(server, ".", RrType.NS, shortForm, tcp, search);
        }
        return new DigArgs(server, name, type == null ? RrType.A : type, shortForm, tcp, search);
    }
}
