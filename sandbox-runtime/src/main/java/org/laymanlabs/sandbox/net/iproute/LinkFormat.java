package org.laymanlabs.sandbox.net.iproute;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.LinkKind;
import org.laymanlabs.sandbox.net.MacAddress;

/** Prints devices as iproute2 6.1 does (ip/ipaddress.c print_linkinfo and print_addrinfo). */
final class LinkFormat {

    private LinkFormat() {
    }

    /** {@code ip link} (withMode) or {@code ip addr} entry; addresses are printed by the caller. */
    static String header(Link link, boolean withMode, boolean ipv4Only) {
        StringBuilder line = new StringBuilder()
                .append(link.index()).append(": ").append(displayName(link)).append(": <")
                .append(String.join(",", flags(link))).append("> mtu ").append(link.mtu())
                .append(" qdisc ").append(qdisc(link));
        link.master().ifPresent(bridge -> line.append(" master ").append(bridge.name()));
        line.append(" state ").append(operState(link));
        if (withMode) {
            line.append(" mode DEFAULT");
        }
        line.append(" group default qlen 1000");
        if (ipv4Only) {
            // With -4 the link/ether line is left out, and the peer namespace joins the first line.
            return line.append(peerNamespace(link)).append('\n').toString();
        }
        line.append("\n    link/").append(link.kind() == LinkKind.LOOPBACK ? "loopback " : "ether ")
                .append(link.mac()).append(" brd ")
                .append(link.kind() == LinkKind.LOOPBACK ? MacAddress.ZERO : MacAddress.BROADCAST)
                .append(peerNamespace(link)).append('\n');
        return line.toString();
    }

    /** A network card keeps its fq_codel queue; virtual devices have noop until first up, then noqueue. */
    private static String qdisc(Link link) {
        if (link.kind() == LinkKind.ETHERNET) {
            return "fq_codel";
        }
        return link.hasBeenUp() ? "noqueue" : "noop";
    }

    static String address(Link link, InterfaceAddress address, boolean secondary) {
        StringBuilder line = new StringBuilder("    inet ").append(address.address());
        address.broadcast().ifPresent(brd -> line.append(" brd ").append(brd));
        line.append(" scope ").append(address.scope().keyword());
        if (secondary) {
            line.append(" secondary");
        }
        return line.append(' ').append(link.name()).append('\n')
                .append("       valid_lft forever preferred_lft forever\n").toString();
    }

    /** A veth shows its peer: {@code @ifN} across namespaces, {@code @name} within one. */
    static String displayName(Link link) {
        return link.peer()
                .map(peer -> peer.namespace() == link.namespace() ? peer.name() : "if" + peer.index())
                .map(suffix -> link.name() + "@" + suffix)
                .orElse(link.name());
    }

    static String operState(Link link) {
        if (!link.isUp()) {
            return "DOWN";
        }
        if (link.kind() == LinkKind.LOOPBACK || link.kind() == LinkKind.VXLAN) {
            return "UNKNOWN";
        }
        if (link.kind() == LinkKind.ETHERNET) {
            return "UP";
        }
        if (link.kind() == LinkKind.BRIDGE && link.hasCarrier() && link.ports().isEmpty()) {
            return "UNKNOWN";
        }
        if (link.hasCarrier()) {
            return "UP";
        }
        return link.kind() == LinkKind.VETH && peerDown(link) ? "LOWERLAYERDOWN" : "DOWN";
    }

    static List<String> flags(Link link) {
        List<String> flags = new ArrayList<>();
        if (link.isUp() && !link.hasCarrier()) {
            flags.add("NO-CARRIER");
        }
        if (link.kind() == LinkKind.LOOPBACK) {
            flags.add("LOOPBACK");
        } else {
            flags.add("BROADCAST");
            flags.add("MULTICAST");
        }
        if (link.isUp()) {
            flags.add("UP");
        }
        if (link.hasCarrier()) {
            flags.add("LOWER_UP");
        }
        if (link.kind() == LinkKind.VETH && peerDown(link)) {
            flags.add("M-DOWN");
        }
        return flags;
    }

    private static boolean peerDown(Link link) {
        return link.peer().map(peer -> !peer.isUp()).orElse(true);
    }

    private static String peerNamespace(Link link) {
        return link.peer()
                .filter(peer -> peer.namespace() != link.namespace())
                .map(peer -> peer.namespace().isNamed()
                        ? " link-netns " + peer.namespace().name()
                        : " link-netnsid " + link.namespace().netnsIdOf(peer.namespace()))
                .orElse("");
    }
}
