package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Errno;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.NetlinkException;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Route;
import org.laymanlabs.sandbox.net.RouteProtocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.RouteType;

/** {@code ip route}: show, add, del and get (iproute2 ip/iproute.c). */
final class RouteCommands {

    private RouteCommands() {
    }

    static CommandResult run(IpRequest req) {
        String verb = req.verb();
        if (verb.isEmpty() || IpRequest.matches(verb, "show") || IpRequest.matches(verb, "list")) {
            return CommandResult.ok(show(req));
        }
        if (IpRequest.matches(verb, "add")) {
            req.namespace().addRoute(parse(req, true));
            return CommandResult.ok("");
        }
        if (IpRequest.matches(verb, "delete")) {
            req.namespace().deleteRoute(parse(req, false).destination());
            return CommandResult.ok("");
        }
        if (IpRequest.matches(verb, "get")) {
            return CommandResult.ok(get(req));
        }
        throw new IpException("Command \"" + verb + "\" is unknown, try \"ip route help\".", IpException.USAGE);
    }

    private static String show(IpRequest req) {
        List<String> words = req.args().isEmpty() ? List.of() : req.rest();
        List<Route> routes = req.namespace().routes();
        if (!words.isEmpty() && words.get(0).equals("table")) {
            String table = AddressCommands.value(words, 1);
            routes = switch (table) {
                case "main" -> routes;
                case "local", "255" -> req.namespace().localRoutes();
                default -> throw new IpException(
                        "Error: argument \"" + table + "\" is wrong: table id value is invalid\n", IpException.USAGE);
            };
        } else if (!words.isEmpty()) {
            Cidr filter = IpRequest.prefix(words.get(0));
            routes = routes.stream().filter(r -> r.destination().equals(filter.network())).toList();
        }
        StringBuilder out = new StringBuilder();
        for (Route route : routes) {
            String line = route.toString();
            if (!carrier(req.namespace(), route.device())) {
                line = line + "linkdown ";
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static boolean carrier(NetworkNamespace ns, String device) {
        return ns.link(device).map(Link::hasCarrier).orElse(true);
    }

    /** @param complete whether to infer what the kernel infers for a new route; a deletion only matches */
    private static Route parse(IpRequest req, boolean complete) {
        List<String> words = req.rest();
        Cidr destination = null;
        Optional<Ipv4Address> via = Optional.empty();
        String device = null;
        Optional<Ipv4Address> source = Optional.empty();
        int metric = 0;
        RouteProtocol protocol = RouteProtocol.BOOT;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "via" -> via = Optional.of(address(AddressCommands.value(words, ++i)));
                case "dev" -> device = AddressCommands.value(words, ++i);
                case "src" -> source = Optional.of(address(AddressCommands.value(words, ++i)));
                case "metric", "preference" -> metric = number(AddressCommands.value(words, ++i));
                case "proto" -> protocol = AddressCommands.value(words, ++i).equals("static")
                        ? RouteProtocol.STATIC : RouteProtocol.BOOT;
                default -> {
                    if (destination != null) {
                        throw IpException.garbage("to", word);
                    }
                    destination = IpRequest.prefix(word);
                }
            }
        }
        if (destination == null) {
            throw new IpException("Command line is not complete. Try option \"help\"", IpException.USAGE);
        }
        if (!complete) {
            return new Route(RouteType.UNICAST, destination, via, device == null ? "" : device, source, protocol,
                    RouteScope.GLOBAL, metric);
        }
        return resolve(req.namespace(), destination, via, device, source, metric, protocol);
    }

    /** Fills in what the kernel infers: the device of a gateway's network, and link scope without a gateway. */
    private static Route resolve(NetworkNamespace ns, Cidr destination, Optional<Ipv4Address> via, String device,
            Optional<Ipv4Address> source, int metric, RouteProtocol protocol) {
        if (device != null) {
            ns.link(device).orElseThrow(() -> IpException.noDevice(device));
        }
        if (via.isPresent()) {
            Optional<Route> connected = ns.connectedRouteFor(via.get());
            if (connected.isEmpty() || (device != null && !connected.get().device().equals(device))) {
                throw new NetlinkException(Errno.EINVAL, "Nexthop has invalid gateway");
            }
            return new Route(RouteType.UNICAST, destination, via, connected.get().device(), source, protocol,
                    RouteScope.GLOBAL, metric);
        }
        if (device == null) {
            throw new NetlinkException(Errno.ENODEV);
        }
        return new Route(RouteType.UNICAST, destination, via, device, source, protocol, RouteScope.LINK, metric);
    }

    private static String get(IpRequest req) {
        List<String> words = req.rest();
        if (words.isEmpty()) {
            throw new IpException("need at least a destination address", 1);
        }
        Ipv4Address destination;
        try {
            destination = Ipv4Address.parse(words.get(0));
        } catch (IllegalArgumentException e) {
            throw IpException.badPrefix(words.get(0));
        }
        NetworkNamespace ns = req.namespace();
        Route route = ns.lookup(destination).orElseThrow(() -> new NetlinkException(Errno.ENETUNREACH));
        if (route.type() == RouteType.LOCAL) {
            Ipv4Address src = route.source().orElse(destination);
            return "local " + destination + " dev lo src " + src + " uid 0 \n    cache <local> \n";
        }
        Link out = ns.requireLink(route.device());
        Ipv4Address src = route.source()
                .or(() -> ns.preferredSource(out, route.via().orElse(destination)))
                .orElseThrow(() -> new NetlinkException(Errno.ENETUNREACH));
        StringBuilder line = new StringBuilder().append(destination);
        route.via().ifPresent(gw -> line.append(" via ").append(gw));
        return line.append(" dev ").append(route.device()).append(" src ").append(src)
                .append(" uid 0 \n    cache \n").toString();
    }

    private static Ipv4Address address(String word) {
        try {
            return Ipv4Address.parse(word);
        } catch (IllegalArgumentException e) {
            throw new IpException("Error: inet address is expected rather than \"" + word + "\".", 1);
        }
    }

    private static int number(String word) {
        if (!word.matches("[0-9]{1,9}")) {
            throw new IpException("Error: argument \"" + word + "\" is wrong: \"metric\" value is invalid\n",
                    IpException.USAGE);
        }
        return Integer.parseInt(word);
    }
}
