package org.laymanlabs.sandbox.net.netfilter;

import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * The part of every rule that the kernel matches itself, before any extension (struct ipt_ip,
 * ip_packet_match() in net/ipv4/netfilter/ip_tables.c): addresses, interfaces and protocol.
 * A null field matches anything. Addresses are stored masked, as iptables stores them.
 */
public record IpMatch(Cidr source, boolean sourceInverted, Cidr destination, boolean destinationInverted,
                      String inInterface, boolean inInverted, String outInterface, boolean outInverted,
                      Protocol protocol, boolean protocolInverted) {

    public static final IpMatch ANY = new IpMatch(null, false, null, false, null, false, null, false, null, false);

    public IpMatch {
        source = source == null ? null : source.network();
        destination = destination == null ? null : destination.network();
    }

    boolean matches(Packet packet) {
        PacketHeader header = packet.header();
        return (source == null || source.contains(header.source()) != sourceInverted)
                && (destination == null || destination.contains(header.destination()) != destinationInverted)
                && (inInterface == null || interfaceMatches(inInterface, packet.inInterface()) != inInverted)
                && (outInterface == null || interfaceMatches(outInterface, packet.outInterface()) != outInverted)
                && (protocol == null || (protocol == header.protocol()) != protocolInverted);
    }

    /** A trailing '+' matches any device whose name starts with the rest, as in ip_packet_match(). */
    private static boolean interfaceMatches(String pattern, String device) {
        if (pattern.endsWith("+")) {
            return device.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(device);
    }

    /**
     * The kernel-normalised prefix of a saved rule (nft_ipv4_save_rule, save_rule_details):
     * {@code [!] -s a/n [!] -d a/n [!] -i if [!] -o if [!] -p proto}, in that order.
     */
    String save() {
        StringBuilder out = new StringBuilder();
        if (source != null) {
            out.append(sourceInverted ? " !" : "").append(" -s ").append(source);
        }
        if (destination != null) {
            out.append(destinationInverted ? " !" : "").append(" -d ").append(destination);
        }
        appendInterface(out, 'i', inInterface, inInverted);
        appendInterface(out, 'o', outInterface, outInverted);
        if (protocol != null) {
            out.append(protocolInverted ? " !" : "").append(" -p ").append(protocol.keyword());
        }
        return out.toString();
    }

    private static void appendInterface(StringBuilder out, char letter, String device, boolean inverted) {
        // save_iface(): a bare "+" matches everything and is left out unless negated.
        if (device == null || device.isEmpty() || (device.equals("+") && !inverted)) {
            return;
        }
        out.append(inverted ? " !" : "").append(" -").append(letter).append(' ').append(device);
    }
}
