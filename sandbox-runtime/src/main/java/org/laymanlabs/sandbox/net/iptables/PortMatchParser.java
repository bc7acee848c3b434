package org.laymanlabs.sandbox.net.iptables;

import java.util.Set;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.netfilter.IpMatch;
import org.laymanlabs.sandbox.net.netfilter.Match;
import org.laymanlabs.sandbox.net.netfilter.PortMatch;
import org.laymanlabs.sandbox.net.netfilter.PortRange;

/** Options of the tcp and udp matches (libxt_tcp.c, libxt_udp.c). */
final class PortMatchParser extends MatchParser {

    private final Protocol protocol;
    private PortRange source;
    private boolean sourceInverted;
    private PortRange destination;
    private boolean destinationInverted;
    private boolean syn;
    private boolean synInverted;

    PortMatchParser(Protocol protocol) {
        super(protocol.keyword(), protocol == Protocol.TCP
                ? Set.of("sport", "source-port", "dport", "destination-port", "syn", "tcp-flags")
                : Set.of("sport", "source-port", "dport", "destination-port"));
        this.protocol = protocol;
    }

    @Override
    void parse(String option, Arguments args, boolean inverted) {
        switch (option) {
            case "sport", "source-port" -> {
                once(source, "--source-port");
                source = PortParsing.range(args.value("--" + option));
                sourceInverted = inverted;
            }
            case "dport", "destination-port" -> {
                once(destination, "--destination-port");
                destination = PortParsing.range(args.value("--" + option));
                destinationInverted = inverted;
            }
            case "syn" -> {
                syn = true;
                synInverted = inverted;
            }
            default -> tcpFlags(args, inverted);
        }
    }

    /** Only the spelling of --syn is modelled: {@code --tcp-flags FIN,SYN,RST,ACK SYN}. */
    private void tcpFlags(Arguments args, boolean inverted) {
        String mask = args.value("--tcp-flags");
        String compare = args.value("--tcp-flags");
        if (!Set.of(mask.split(",")).equals(Set.of("FIN", "SYN", "RST", "ACK")) || !compare.equals("SYN")) {
            throw IptablesError.parameter("tcp: the sandbox models only --tcp-flags FIN,SYN,RST,ACK SYN (that is, --syn)");
        }
        syn = true;
        synInverted = inverted;
    }

    private static void once(Object previous, String option) {
        if (previous != null) {
            throw IptablesError.parameter("Only one `" + option + "' allowed");
        }
    }

    @Override
    Match build(IpMatch ip) {
        return new PortMatch(protocol, source, sourceInverted, destination, destinationInverted, syn, synInverted);
    }
}
