package org.laymanlabs.sandbox.net.netfilter;

import java.util.List;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.net.Protocol;

/** The multiport match, revision 1 (libxt_multiport.c, xt_multiport.c): up to 15 ports or ranges. */
public record MultiportMatch(Protocol protocol, Direction direction, List<PortRange> ports, boolean inverted)
        implements Match {

    /** Which port a packet is tested on: {@code --sports}, {@code --dports} or {@code --ports} (either). */
    public enum Direction {
        SOURCE("sports"), DESTINATION("dports"), EITHER("ports");

        private final String option;

        Direction(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    public MultiportMatch {
        ports = List.copyOf(ports);
    }

    @Override
    public String name() {
        return "multiport";
    }

    @Override
    public boolean matches(MatchContext context) {
        PacketHeader header = context.packet().header();
        if (header.protocol() != protocol) {
            return false;
        }
        boolean hit = ports.stream().anyMatch(range -> switch (direction) {
            case SOURCE -> range.contains(header.sourcePort());
            case DESTINATION -> range.contains(header.destinationPort());
            case EITHER -> range.contains(header.sourcePort()) || range.contains(header.destinationPort());
        });
        return hit != inverted;
    }

    @Override
    public String save() {
        return (inverted ? " !" : "") + " --" + direction.option() + " "
                + ports.stream().map(PortRange::save).collect(Collectors.joining(","));
    }

    @Override
    public String print(boolean numeric) {
        return " multiport " + direction.option() + " " + (inverted ? " !" : "")
                + ports.stream().map(range -> range.print(numeric, protocol)).collect(Collectors.joining(","));
    }
}
