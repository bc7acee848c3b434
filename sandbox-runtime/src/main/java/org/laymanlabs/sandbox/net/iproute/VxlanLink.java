package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.VxlanConfig;

/**
 * Mirrors iproute2 6.1 ip/iplink_vxlan.c: the options of {@code ip link add NAME type vxlan …}
 * (vxlan_parse_opt) and the details {@code ip -d link show} prints for the device (vxlan_print_opt).
 */
final class VxlanLink {

    private static final int MAX_VNI = 16777215;

    private static final String USAGE = """
            Usage: ... vxlan id VNI
            		[ { group | remote } IP_ADDRESS ]
            		[ local ADDR ]
            		[ ttl TTL ]
            		[ tos TOS ]
            		[ df DF ]
            		[ flowlabel LABEL ]
            		[ dev PHYS_DEV ]
            		[ dstport PORT ]
            		[ srcport MIN MAX ]
            		[ [no]learning ]
            		[ [no]proxy ]
            		[ [no]rsc ]
            		[ [no]l2miss ]
            		[ [no]l3miss ]
            		[ ageing SECONDS ]
            		[ maxaddress NUMBER ]
            		[ [no]udpcsum ]
            		[ [no]udp6zerocsumtx ]
            		[ [no]udp6zerocsumrx ]
            		[ [no]remcsumtx ] [ [no]remcsumrx ]
            		[ [no]external ] [ gbp ] [ gpe ]
            		[ [no]vnifilter ]

            Where:	VNI	:= 0-16777215
            	ADDR	:= { IP_ADDRESS | any }
            	TOS	:= { NUMBER | inherit }
            	TTL	:= { 1..255 | auto | inherit }
            	DF	:= { unset | set | inherit }
            	LABEL := 0-1048575
            """;

    private static final String NO_PORT_WARNING = """
            vxlan: destination port not specified
            Will use Linux kernel default (non-standard value)
            Use 'dstport 4789' to get the IANA assigned value
            Use 'dstport 0' to get default and quiet this message
            """;

    /** The device to create: its tunnel settings, its MTU, and what iproute2 warned on stderr. */
    record Spec(VxlanConfig config, int mtu, String warning) { }

    private VxlanLink() {
    }

    /** vxlan_parse_opt over the words after {@code type vxlan}. */
    static Spec parse(IpRequest req, List<String> words) {
        Integer vni = null;
        Integer port = null;
        Optional<Ipv4Address> local = Optional.empty();
        Optional<Link> device = Optional.empty();
        boolean learning = true;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "id", "vni" -> vni = number(AddressCommands.value(words, ++i), MAX_VNI, "invalid id");
                case "dstport" -> port = number(AddressCommands.value(words, ++i), 65535, "dst port");
                case "local" -> local = address(AddressCommands.value(words, ++i), "local");
                case "dev" -> {
                    String name = AddressCommands.value(words, ++i);
                    device = Optional.of(req.namespace().link(name).orElseThrow(() ->
                            new IpException("Cannot find device \"" + name + "\"", IpException.USAGE)));
                }
                case "learning" -> learning = true;
                case "nolearning" -> learning = false;
                default -> throw new IpException("vxlan: unknown command \"" + word + "\"?\n" + USAGE.stripTrailing(), 1);
            }
        }
        if (vni == null) {
            throw new IpException("vxlan: missing virtual network identifier", 1);
        }
        VxlanConfig config = new VxlanConfig(vni, local, port == null ? VxlanConfig.FLANNEL_PORT : port,
                device.map(Link::name), learning, Map.of(), List.of());
        int mtu = device.map(d -> d.mtu() - 50).orElse(1500);
        return new Spec(config, mtu, port == null ? NO_PORT_WARNING : "");
    }

    /** vxlan_print_opt: the third line of {@code ip -d link show} for a VXLAN device. */
    static String details(Link link) {
        VxlanConfig c = link.vxlan().orElseThrow();
        StringBuilder line = new StringBuilder("    vxlan id ").append(c.vni());
        c.local().ifPresent(a -> line.append(" local ").append(a));
        c.device().ifPresent(d -> line.append(" dev ").append(d));
        line.append(" srcport 0 0 dstport ").append(c.port());
        if (!c.learning()) {
            line.append(" nolearning");
        }
        line.append(" ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx ");
        return line.toString();
    }

    private static int number(String word, int max, String what) {
        if (!word.matches("[0-9]{1,9}") || Integer.parseInt(word) > max) {
            throw new IpException("Error: argument \"" + word + "\" is wrong: " + what, IpException.USAGE);
        }
        return Integer.parseInt(word);
    }

    private static Optional<Ipv4Address> address(String word, String what) {
        if (word.equals("any")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Ipv4Address.parse(word));
        } catch (IllegalArgumentException e) {
            throw new IpException("Error: argument \"" + word + "\" is wrong: " + what, IpException.USAGE);
        }
    }
}
