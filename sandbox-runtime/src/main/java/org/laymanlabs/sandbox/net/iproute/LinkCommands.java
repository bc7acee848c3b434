package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/** {@code ip link}: show, add (veth, bridge, vxlan), set and del (iproute2 ip/iplink.c). */
final class LinkCommands {

    private LinkCommands() {
    }

    static CommandResult run(IpRequest req) {
        String verb = req.verb();
        if (verb.isEmpty() || IpRequest.matches(verb, "show") || IpRequest.matches(verb, "list")) {
            return CommandResult.ok(show(req, req.args().isEmpty() ? List.of() : req.rest()));
        }
        if (IpRequest.matches(verb, "add")) {
            return add(req);
        }
        if (IpRequest.matches(verb, "set")) {
            return set(req);
        }
        if (IpRequest.matches(verb, "delete")) {
            Optional<String> name = AddressCommands.devArgument(req.rest());
            req.network().deleteLink(req.link(name.orElseThrow(() ->
                    new IpException("Not enough information: \"dev\" argument is required.", IpException.USAGE))));
            return CommandResult.ok("");
        }
        throw new IpException("Command \"" + verb + "\" is unknown, try \"ip link help\".", IpException.USAGE);
    }

    /**
     * {@code ip link show [ [dev] NAME ] [ type TYPE ] [ up ]}, as ipaddr_list_flush_or_save
     * reads them: {@code type} keeps the devices of that kind ({@code ip -d link show type vxlan}
     * lists flannel.1 on an overlay node), {@code up} the ones that are up.
     */
    private static String show(IpRequest req, List<String> words) {
        Optional<String> device = Optional.empty();
        Optional<String> kind = Optional.empty();
        boolean upOnly = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("type")) {
                kind = Optional.of(AddressCommands.value(words, ++i));
            } else if (word.equals("up")) {
                upOnly = true;
            } else if (word.equals("dev")) {
                device = Optional.of(AddressCommands.value(words, ++i));
            } else if (device.isEmpty()) {
                device = Optional.of(word);
            } else {
                throw new IpException("Either \"dev\" is duplicate, or \"" + word + "\" is a garbage.", 1);
            }
        }
        List<Link> links = device.map(name -> List.of(req.namespace().link(name).orElseThrow(() ->
                new IpException("Device \"" + name + "\" does not exist.", 1)))).orElse(req.namespace().links());
        StringBuilder out = new StringBuilder();
        for (Link link : links) {
            if (kind.isPresent() && !kind.get().equals(link.kind().typeName())
                    || upOnly && !LinkFormat.flags(link).contains("UP")) {
                continue;
            }
            if (req.brief()) {
                out.append(String.format("%-16s %-14s %s <%s> %n", LinkFormat.displayName(link),
                        LinkFormat.operState(link), link.mac(), String.join(",", LinkFormat.flags(link))));
            } else {
                out.append(LinkFormat.header(link, true, false, req.details()));
            }
        }
        return out.toString();
    }

    private static CommandResult add(IpRequest req) {
        List<String> words = req.rest();
        String name = null;
        String type = null;
        String peerName = null;
        NetworkNamespace namespace = req.namespace();
        NetworkNamespace peerNamespace = null;
        boolean peerPart = false;
        int mtu = 0;
        VxlanLink.Spec vxlan = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "name" -> name = AddressCommands.value(words, ++i);
                case "type" -> {
                    type = AddressCommands.value(words, ++i);
                    if (type.equals("vxlan")) {
                        // Everything after "type vxlan" is the vxlan module's (iplink_vxlan.c).
                        vxlan = VxlanLink.parse(req, words.subList(i + 1, words.size()));
                        i = words.size();
                    }
                }
                case "mtu" -> mtu = mtu(AddressCommands.value(words, ++i));
                case "peer" -> {
                    peerPart = true;
                    int next = i + 1 < words.size() && words.get(i + 1).equals("name") ? i + 2 : i + 1;
                    peerName = AddressCommands.value(words, next);
                    i = next;
                }
                // Before "peer", netns places the device itself; after it, the peer.
                case "netns" -> {
                    NetworkNamespace target = namespace(req, AddressCommands.value(words, ++i));
                    if (peerPart) {
                        peerNamespace = target;
                    } else {
                        namespace = target;
                    }
                }
                default -> {
                    if (name != null) {
                        throw IpException.garbage("name", word);
                    }
                    name = word;
                }
            }
        }
        if (type == null) {
            throw new IpException("Not enough information: \"type\" argument is required", 1);
        }
        if (name == null) {
            throw new IpException("Not enough information: \"dev\" argument is required.", IpException.USAGE);
        }
        // A peer without its own netns lands where the command runs, as the kernel's veth_newlink does.
        NetworkNamespace peerHome = peerNamespace != null ? peerNamespace : req.namespace();
        Link link = switch (type) {
            case "veth" -> req.network().addVethPair(namespace, name, peerHome,
                    peerName != null ? peerName : freeVethName(peerHome));
            case "bridge" -> req.network().addBridge(namespace, name);
            case "vxlan" -> {
                Link device = req.network().addVxlan(namespace, name, vxlan.mtu());
                req.network().configureVxlan(device, vxlan.config());
                yield device;
            }
            default -> throw new IpException("Error: Unknown device type.", 2);
        };
        if (mtu > 0) {
            req.network().setMtu(link, mtu);
        }
        return new CommandResult("", vxlan == null ? "" : vxlan.warning(), 0);
    }

    /** The kernel names an unnamed veth peer veth0, veth1, … */
    private static String freeVethName(NetworkNamespace ns) {
        int n = 0;
        while (ns.link("veth" + n).isPresent()) {
            n++;
        }
        return "veth" + n;
    }

    private static CommandResult set(IpRequest req) {
        List<String> words = req.rest();
        if (words.isEmpty()) {
            throw new IpException("Not enough information: \"dev\" argument is required.", IpException.USAGE);
        }
        int start = words.get(0).equals("dev") ? 1 : 0;
        Link link = req.link(AddressCommands.value(words, start));
        for (int i = start + 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "up" -> req.namespace().setUp(link, true);
                case "down" -> req.namespace().setUp(link, false);
                case "master" -> req.network().enslave(link, req.link(AddressCommands.value(words, ++i)));
                case "nomaster" -> req.network().release(link);
                case "mtu" -> req.network().setMtu(link, mtu(AddressCommands.value(words, ++i)));
                case "name" -> req.network().rename(link, AddressCommands.value(words, ++i));
                case "netns" -> req.network().moveLink(link, namespace(req, AddressCommands.value(words, ++i)));
                default -> throw IpException.garbage("dev", word);
            }
        }
        return CommandResult.ok("");
    }

    private static int mtu(String word) {
        if (!word.matches("[0-9]{1,9}")) {
            throw new IpException("Error: argument \"" + word + "\" is wrong: Invalid \"mtu\" value\n", IpException.USAGE);
        }
        return Integer.parseInt(word);
    }

    private static NetworkNamespace namespace(IpRequest req, String name) {
        return req.network().namespace(name).filter(NetworkNamespace::isNamed).orElseThrow(() ->
                new IpException("Error: argument \"" + name + "\" is wrong: Invalid \"netns\" value\n", IpException.USAGE));
    }
}
