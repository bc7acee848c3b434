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

    /** What {@code -d} adds for every device: rtnl_dump's common attributes (print_linkinfo, 6.1). */
    private static final String QUEUES = "numtxqueues %d numrxqueues %d gso_max_size 65536 gso_max_segs 65535 "
            + "tso_max_size %d tso_max_segs 65535 gro_max_size 65536 ";

    /** {@code ip link} (withMode) or {@code ip addr} entry; addresses are printed by the caller. */
    static String header(Link link, boolean withMode, boolean ipv4Only) {
        return header(link, withMode, ipv4Only, false);
    }

    /** The same, with {@code ip -d}'s details: limits on the link line, then the kind's own line. */
    static String header(Link link, boolean withMode, boolean ipv4Only, boolean details) {
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
                .append(peerNamespace(link));
        if (details) {
            line.append(details(link));
        }
        return line.append('\n').toString();
    }

    /**
     * {@code -d}: promiscuity and MTU limits, then for a veth or VXLAN device its kind's line
     * (print_linkinfo_data), then the queue attributes. Bridges and their ports print only the
     * first part: the sandbox does not model the bridge's STP and port attributes.
     */
    private static String details(Link link) {
        boolean loopback = link.kind() == LinkKind.LOOPBACK;
        StringBuilder out = new StringBuilder(" promiscuity 0  allmulti 0 minmtu ").append(loopback ? 0 : 68)
                .append(" maxmtu ").append(loopback ? 0 : 65535).append(' ');
        switch (link.kind()) {
            case LOOPBACK -> out.append("addrgenmode eui64 ").append(String.format(QUEUES, 1, 1, 524280));
            case VETH -> out.append(link.master().isPresent() ? "" : "\n    veth addrgenmode eui64 "
                    + String.format(QUEUES, 2, 2, 524280));
            case VXLAN -> out.append(link.vxlan().isEmpty() ? "" : "\n" + VxlanLink.details(link)).append("addrgenmode eui64 ")
                    .append(String.format(QUEUES, 1, 1,
                            link.vxlan().flatMap(c -> c.device()).isPresent() ? 524280 : 65536));
            default -> { }
        }
        return out.toString();
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
