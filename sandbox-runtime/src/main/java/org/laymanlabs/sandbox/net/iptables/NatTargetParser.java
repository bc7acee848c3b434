package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.netfilter.DnatTarget;
import org.laymanlabs.sandbox.net.netfilter.MasqueradeTarget;
import org.laymanlabs.sandbox.net.netfilter.PortRange;
import org.laymanlabs.sandbox.net.netfilter.SnatTarget;
import org.laymanlabs.sandbox.net.netfilter.Target;

/** Options of DNAT, SNAT and MASQUERADE (libxt_DNAT.c, libipt_SNAT.c, libxt_MASQUERADE.c). */
final class NatTargetParser extends TargetParser {

    private Ipv4Address address;
    private int port;
    private PortRange toPorts;
    private boolean random;
    private boolean randomFully;

    NatTargetParser(String name) {
        super(name, switch (name) {
            case "DNAT" -> Set.of("to-destination", "random", "persistent");
            case "SNAT" -> Set.of("to-source", "random", "random-fully", "persistent");
            default -> Set.of("to-ports", "random", "random-fully");
        });
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        refuseInversion(option, inverted);
        switch (option) {
            case "to-destination", "to-source" -> addressAndPort(option, args.value("--" + option));
            case "to-ports" -> toPorts = ports(args.value("--to-ports"));
            case "random" -> random = true;
            case "random-fully" -> randomFully = true;
            default -> {
                // --persistent changes nothing for a single address
            }
        }
    }

    /** {@code ip[:port]}, as parse_to() reads it for a single address and port. */
    private void addressAndPort(String option, String text) {
        if (address != null) {
            throw IptablesError.parameter(name() + ": Multiple --" + option + " not supported");
        }
        int colon = text.indexOf(':');
        String ip = colon < 0 ? text : text.substring(0, colon);
        if (!Ipv4Address.isValid(ip)) {
            throw IptablesError.parameter("Bad IP address \"" + ip + "\"\n");
        }
        address = Ipv4Address.parse(ip);
        if (colon >= 0) {
            String portText = text.substring(colon + 1);
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) == 0 || Integer.parseInt(portText) > 65535) {
                throw IptablesError.parameter("Port \"" + portText + "\" not valid\n");
            }
            port = Integer.parseInt(portText);
        }
    }

    private static PortRange ports(String text) {
        String[] parts = text.split("-", 2);
        int min = PortParsing.port(parts[0]);
        int max = parts.length == 2 ? PortParsing.port(parts[1]) : min;
        if (max < min) {
            throw IptablesError.parameter("Port range `" + text + "' invalid\n");
        }
        return new PortRange(min, max);
    }

    @Override
    Target build() {
        return switch (name()) {
            case "DNAT" -> new DnatTarget(required("to-destination"), port);
            case "SNAT" -> new SnatTarget(required("to-source"), port, randomFully);
            default -> new MasqueradeTarget(toPorts, random, randomFully);
        };
    }

    private Ipv4Address required(String option) {
        if (address == null) {
            throw missing(option);
        }
        return address;
    }
}
