package org.laymanlabs.sandbox.net.iproute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.LinkKind;
import org.laymanlabs.sandbox.net.MacAddress;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.VxlanConfig;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * Mirrors iproute2 6.1's {@code bridge} (bridge/bridge.c) for its {@code fdb} object
 * (bridge/fdb.c): list, add, append and delete forwarding entries. On a VXLAN device an entry
 * says which node carries a MAC address, and the all-zeros entries are where unknown and
 * broadcast frames are flooded: flannel's overlay, built by hand.
 */
public final class BridgeCommand implements Command {

    private static final String USAGE = """
            Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
                   bridge [ -force ] -batch filename
            where  OBJECT := { link | fdb | mdb | vlan | monitor }
                   OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                                -o[neline] | -t[imestamp] | -n[etns] name |
                                -c[ompressvlans] -color -p[retty] -j[son] }
            """;
    private static final MacAddress IPV6_ALL_NODES = MacAddress.parse("33:33:00:00:00:01").orElseThrow();
    private static final int FAILED = 255;

    private final Network network;
    private final HomeNamespace home;

    public BridgeCommand(Network network, HomeNamespace home) {
        this.network = network;
        this.home = home;
    }

    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public String usage() {
        return "bridge [ OPTIONS ] OBJECT { COMMAND | help }";
    }

    @Override
    public String summary() {
        return "Show or change forwarding entries (bridge fdb), e.g. where a VXLAN device sends each MAC.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        try {
            return dispatch(invocation.args());
        } catch (IpException e) {
            return CommandResult.error(e.getMessage() + "\n", e.exitCode());
        }
    }

    private CommandResult dispatch(List<String> args) {
        NetworkNamespace ns = home.get();
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String option = args.get(i).startsWith("--") ? args.get(i).substring(1) : args.get(i);
            if (option.length() >= 2 && "-netns".startsWith(option)) {
                String name = AddressCommands.value(args, ++i);
                ns = network.namespace(name).orElseThrow(() -> new IpException(
                        "Cannot open network namespace \"" + name + "\": No such file or directory", FAILED));
            } else {
                throw new IpException("Option \"" + args.get(i) + "\" is unknown, try \"bridge help\".", FAILED);
            }
        }
        if (i >= args.size()) {
            return CommandResult.error(USAGE, FAILED);
        }
        String object = args.get(i);
        if (!IpRequest.matches(object, "fdb")) {
            throw new IpException("Object \"" + object + "\" is unknown, try \"bridge help\".", FAILED);
        }
        List<String> words = args.subList(i + 1, args.size());
        String verb = words.isEmpty() ? "show" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        if (IpRequest.matches(verb, "show") || IpRequest.matches(verb, "list")) {
            return CommandResult.ok(show(ns, rest));
        }
        if (verb.equals("add") || verb.equals("append") || IpRequest.matches(verb, "delete")) {
            change(ns, verb, rest);
            return CommandResult.ok("");
        }
        throw new IpException("Command \"" + verb + "\" is unknown, try \"bridge fdb help\".", FAILED);
    }

    /** fdb_modify: {@code LLADDR dev DEV [dst IP] [self] [permanent]}. */
    private void change(NetworkNamespace ns, String verb, List<String> words) {
        String address = null;
        String deviceName = null;
        Optional<Ipv4Address> destination = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "dev" -> deviceName = AddressCommands.value(words, ++i);
                case "dst" -> {
                    String text = AddressCommands.value(words, ++i);
                    try {
                        destination = Optional.of(Ipv4Address.parse(text));
                    } catch (IllegalArgumentException e) {
                        throw new IpException("Error: an inet prefix is expected rather than \"" + text + "\".", FAILED);
                    }
                }
                case "self", "permanent", "static" -> { }
                default -> address = address == null ? word : address;
            }
        }
        if (address == null || deviceName == null) {
            throw new IpException("Device and address are required arguments.", FAILED);
        }
        String macText = address;
        MacAddress mac = MacAddress.parse(macText).orElseThrow(() -> new IpException("Invalid mac address " + macText, FAILED));
        String devName = deviceName;
        Link device = ns.link(devName).orElseThrow(() -> new IpException("Cannot find device \"" + devName + "\"", FAILED));
        VxlanConfig config = device.vxlan().orElseThrow(() ->
                new IpException("RTNETLINK answers: Operation not supported", FAILED));
        network.configureVxlan(device, modified(config, verb, mac, destination));
    }

    /** vxlan_fdb_add and vxlan_fdb_delete: add refuses a known MAC, append a known destination, del an unknown one. */
    private static VxlanConfig modified(VxlanConfig config, String verb, MacAddress mac, Optional<Ipv4Address> dst) {
        List<VxlanConfig.FdbEntry> same = config.fdb().stream().filter(e -> e.mac().equals(mac)).toList();
        if (!verb.equals("add") && !verb.equals("append")) {
            List<VxlanConfig.FdbEntry> gone = dst.map(d -> same.stream().filter(e -> e.destination().equals(d)).toList())
                    .orElse(same);
            if (gone.isEmpty()) {
                throw new IpException("RTNETLINK answers: No such file or directory", FAILED);
            }
            return config.withoutEntries(gone);
        }
        Ipv4Address destination = dst.orElseThrow(() -> new IpException("RTNETLINK answers: Invalid argument", FAILED));
        VxlanConfig.FdbEntry entry = new VxlanConfig.FdbEntry(mac, destination);
        if (verb.equals("add") ? !same.isEmpty() : same.contains(entry)) {
            throw new IpException("RTNETLINK answers: File exists", FAILED);
        }
        return config.withEntry(entry);
    }

    /** fdb_show: every device's entries, or one device's without its name. */
    private String show(NetworkNamespace ns, List<String> words) {
        Optional<Link> only = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("dev") || words.get(i).equals("br")) {
                String name = AddressCommands.value(words, ++i);
                only = Optional.of(ns.link(name).orElseThrow(() -> new IpException("Cannot find device \"" + name + "\"", FAILED)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (Link link : only.map(List::of).orElse(ns.links())) {
            String dev = only.isPresent() ? "" : " dev " + link.name();
            for (String entry : entries(link)) {
                out.append(entry.replace(" DEV", dev)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A device's entries as the kernel dumps them: a VXLAN device its forwarding database; a
     * bridge its own address; every other Ethernet device the IPv6 all-nodes multicast address
     * it joins (ndo_dflt_fdb_dump), and a bridge port its address as a local entry of the bridge.
     */
    private static List<String> entries(Link link) {
        List<String> entries = new ArrayList<>();
        if (link.kind() == LinkKind.LOOPBACK) {
            return entries;
        }
        if (link.kind() == LinkKind.VXLAN) {
            link.vxlan().ifPresent(c -> c.fdb().forEach(e ->
                    entries.add(e.mac() + " DEV dst " + e.destination() + " self permanent")));
            return entries;
        }
        entries.add(IPV6_ALL_NODES + " DEV self permanent");
        if (link.kind() == LinkKind.BRIDGE) {
            entries.add(link.mac() + " DEV master " + link.name() + " permanent");
        }
        link.master().ifPresent(bridge -> entries.add(link.mac() + " DEV master " + bridge.name() + " permanent"));
        return entries;
    }
}
