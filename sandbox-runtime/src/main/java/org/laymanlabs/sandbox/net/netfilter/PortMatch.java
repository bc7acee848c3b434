package org.laymanlabs.sandbox.net.netfilter;

import org.laymanlabs.sandbox.net.Protocol;

/**
 * The tcp and udp matches (libxt_tcp.c, libxt_udp.c; kernel xt_tcpudp.c): ports and, for TCP,
 * the flags that {@code --syn} means (mask FIN,SYN,RST,ACK, compare SYN).
 *
 * @param sourcePorts      null when the rule has no {@code --sport}
 * @param destinationPorts null when the rule has no {@code --dport}
 */
public record PortMatch(Protocol protocol, PortRange sourcePorts, boolean sourceInverted,
                        PortRange destinationPorts, boolean destinationInverted,
                        boolean syn, boolean synInverted) implements Match {

    @Override
    public String name() {
        return protocol.keyword();
    }

    @Override
    public boolean matches(MatchContext context) {
        PacketHeader header = context.packet().header();
        return header.protocol() == protocol
                && (sourcePorts == null || sourcePorts.contains(header.sourcePort()) != sourceInverted)
                && (destinationPorts == null || destinationPorts.contains(header.destinationPort()) != destinationInverted)
                && (!syn || header.tcpSyn() != synInverted);
    }

    @Override
    public String save() {
        StringBuilder out = new StringBuilder();
        if (sourcePorts != null) {
            out.append(sourceInverted ? " !" : "").append(" --sport ").append(sourcePorts.save());
        }
        if (destinationPorts != null) {
            out.append(destinationInverted ? " !" : "").append(" --dport ").append(destinationPorts.save());
        }
        if (syn) {
            out.append(synInverted ? " !" : "").append(" --tcp-flags FIN,SYN,RST,ACK SYN");
        }
        return out.toString();
    }

    @Override
    public String print(boolean numeric) {
        StringBuilder out = new StringBuilder(" ").append(protocol.keyword());
        appendPorts(out, "spt", sourcePorts, sourceInverted, numeric);
        appendPorts(out, "dpt", destinationPorts, destinationInverted, numeric);
        if (syn) {
            out.append(" flags:").append(synInverted ? "!" : "")
                    .append(numeric ? "0x17/0x02" : "FIN,SYN,RST,ACK/SYN");
        }
        return out.toString();
    }

    /** print_ports(): {@code dpt:80}, {@code dpts:1000:2000}, {@code dpt:!80}. */
    private void appendPorts(StringBuilder out, String label, PortRange ports, boolean inverted, boolean numeric) {
        if (ports == null) {
            return;
        }
        out.append(' ').append(label).append(ports.min() == ports.max() ? ":" : "s:")
                .append(inverted ? "!" : "").append(ports.print(numeric, protocol));
    }
}
