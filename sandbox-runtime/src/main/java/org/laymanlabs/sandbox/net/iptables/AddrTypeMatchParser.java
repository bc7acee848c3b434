package org.laymanlabs.sandbox.net.iptables;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.laymanlabs.sandbox.net.netfilter.AddrTypeMatch;
import org.laymanlabs.sandbox.net.netfilter.AddrTypeMatch.AddressType;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;

/** Options of the addrtype match, revision 1 (libxt_addrtype.c). */
final class AddrTypeMatchParser extends MatchParser {

    private final Set<AddressType> source = EnumSet.noneOf(AddressType.class);
    private final Set<AddressType> destination = EnumSet.noneOf(AddressType.class);
    private boolean sourceInverted;
    private boolean destinationInverted;

    AddrTypeMatchParser() {
        super("addrtype", Set.of("src-type", "dst-type", "limit-iface-in", "limit-iface-out"));
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        switch (option) {
            case "src-type" -> {
                source.addAll(types(args.value("--src-type")));
                sourceInverted = inverted;
            }
            case "dst-type" -> {
                destination.addAll(types(args.value("--dst-type")));
                destinationInverted = inverted;
            }
            default -> refuseInversion(option, inverted);
        }
    }

    /** parse_types(): a comma list of route type names, any case. */
    private static Set<AddressType> types(String list) {
        Set<AddressType> types = EnumSet.noneOf(AddressType.class);
        for (String word : list.split(",", -1)) {
            try {
                types.add(AddressType.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw IptablesError.parameter("addrtype: bad type \"" + word + "\"");
            }
        }
        return types;
    }

    @Override
    Match build(IpMatch ip) {
        if (source.isEmpty() && destination.isEmpty()) {
            throw IptablesError.parameter("addrtype: you must specify --src-type or --dst-type");
        }
        return new AddrTypeMatch(source, sourceInverted, destination, destinationInverted);
    }
}
