package org.laymanlabs.sandbox.net.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.MultiportMatch;
import org.laymanlabs.sandbox.net.netfilter.MultiportMatch.Direction;
import org.laymanlabs.sandbox.net.netfilter.PortRange;

/** Options of the multiport match, revision 1 (libxt_multiport.c). */
final class MultiportMatchParser extends MatchParser {

    private static final int MAX_PORTS = 15;

    private Direction direction;
    private List<PortRange> ports;
    private boolean inverted;

    MultiportMatchParser() {
        super("multiport", Set.of("sports", "source-ports", "dports", "destination-ports", "ports"));
    }

    @Override
    void parse(String option, Arguments args, boolean invert) {
        if (direction != null) {
            throw IptablesError.parameter("multiport can only have one option");
        }
        direction = switch (option) {
            case "sports", "source-ports" -> Direction.SOURCE;
            case "dports", "destination-ports" -> Direction.DESTINATION;
            default -> Direction.EITHER;
        };
        ports = new ArrayList<>();
        int slots = 0;
        for (String item : args.value("--" + option).split(",", -1)) {
            PortRange range = PortParsing.range(item);
            slots += range.min() == range.max() ? 1 : 2;
            ports.add(range);
        }
        if (slots > MAX_PORTS) {
            throw IptablesError.parameter("too many ports specified");
        }
        inverted = invert;
    }

    @Override
    Match build(IpMatch ip) {
        if (direction == null) {
            throw IptablesError.parameter("multiport expects an option");
        }
        Protocol protocol = ip.protocol();
        if (protocol == null || protocol == Protocol.ICMP || ip.protocolInverted()) {
            throw IptablesError.parameter(
                    "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
        }
        return new MultiportMatch(protocol, direction, ports, inverted);
    }
}
