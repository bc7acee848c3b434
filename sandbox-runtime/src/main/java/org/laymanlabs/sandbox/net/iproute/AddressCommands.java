package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.RouteScope;

/** {@code ip address}: show, add, del and flush (iproute2 ip/ipaddress.c). */
final class AddressCommands {

    private AddressCommands() {
    }

    static CommandResult run(IpRequest req) {
        String verb = req.verb();
        if (verb.isEmpty() || IpRequest.matches(verb, "show") || IpRequest.matches(verb, "list")) {
            return CommandResult.ok(show(req, devArgument(req.args().isEmpty() ? List.of() : req.rest())));
        }
        if (IpRequest.matches(verb, "add")) {
            return change(req, true);
        }
        if (IpRequest.matches(verb, "delete")) {
            return change(req, false);
        }
        if (IpRequest.matches(verb, "flush")) {
            Link link = req.link(devArgument(req.rest()).orElseThrow(() ->
                    new IpException("Flush requires arguments.", 1)));
            link.addresses().forEach(a -> req.namespace().deleteAddress(link, a.address()));
            return CommandResult.ok("");
        }
        throw new IpException("Command \"" + verb + "\" is unknown, try \"ip address help\".", IpException.USAGE);
    }

    /** {@code [dev] NAME}, as show and flush take it. */
    static Optional<String> devArgument(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (words.get(0).equals("dev")) {
            if (words.size() < 2) {
                throw new IpException("Command line is not complete. Try option \"help\"", IpException.USAGE);
            }
            return Optional.of(words.get(1));
        }
        return Optional.of(words.get(0));
    }

    static String show(IpRequest req, Optional<String> device) {
        List<Link> links = device.map(name -> List.of(req.namespace().link(name).orElseThrow(() ->
                new IpException("Device \"" + name + "\" does not exist.", 1)))).orElse(req.namespace().links());
        StringBuilder out = new StringBuilder();
        for (Link link : links) {
            if (req.brief()) {
                out.append(String.format("%-16s %-14s ", LinkFormat.displayName(link), LinkFormat.operState(link)));
                link.addresses().forEach(a -> out.append(a.address()).append(' '));
                out.append('\n');
                continue;
            }
            out.append(LinkFormat.header(link, false, req.ipv4Only()));
            List<InterfaceAddress> addresses = link.addresses();
            for (int i = 0; i < addresses.size(); i++) {
                out.append(LinkFormat.address(link, addresses.get(i), isSecondary(addresses, i)));
            }
        }
        return out.toString();
    }

    /** An address is secondary when an earlier one on the device already covers its subnet. */
    private static boolean isSecondary(List<InterfaceAddress> addresses, int i) {
        Cidr net = addresses.get(i).address().network();
        return addresses.subList(0, i).stream().anyMatch(a -> a.address().network().equals(net));
    }

    private static CommandResult change(IpRequest req, boolean add) {
        List<String> words = req.rest();
        Cidr address = null;
        String device = null;
        boolean broadcast = false;
        RouteScope scope = RouteScope.GLOBAL;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "dev" -> device = value(words, ++i);
                case "brd", "broadcast" -> broadcast = value(words, ++i).equals("+") || broadcast;
                case "scope" -> scope = scope(value(words, ++i));
                default -> {
                    if (address != null) {
                        throw IpException.garbage("local", word);
                    }
                    address = addressPrefix(word);
                }
            }
        }
        if (address == null) {
            throw new IpException("Not enough information: \"local\" argument is required.", 1);
        }
        if (device == null) {
            throw new IpException("Not enough information: \"dev\" argument is required.", 1);
        }
        Link link = req.link(device);
        if (add) {
            req.namespace().addAddress(link, broadcast ? InterfaceAddress.withBroadcast(address, scope)
                    : new InterfaceAddress(address, Optional.empty(), scope));
        } else {
            req.namespace().deleteAddress(link, address);
        }
        return CommandResult.ok("");
    }

    private static Cidr addressPrefix(String word) {
        try {
            Cidr cidr = Cidr.parse(word);
            Ipv4Address.parse(cidr.address().toString());
            return cidr;
        } catch (IllegalArgumentException e) {
            throw IpException.badPrefix(word);
        }
    }

    private static RouteScope scope(String word) {
        for (RouteScope scope : RouteScope.values()) {
            if (scope.keyword().equals(word)) {
                return scope;
            }
        }
        throw new IpException("Error: argument \"" + word + "\" is wrong: invalid scope value.", IpException.USAGE);
    }

    static String value(List<String> words, int i) {
        if (i >= words.size()) {
            throw new IpException("Command line is not complete. Try option \"help\"", IpException.USAGE);
        }
        return words.get(i);
    }
}
