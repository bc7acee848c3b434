package org.laymanlabs.sandbox.net.iproute;

import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/** {@code ip netns}: list, add and delete named namespaces (iproute2 ip/ipnetns.c). */
final class NetnsCommands {

    private NetnsCommands() {
    }

    static CommandResult run(IpRequest req) {
        String verb = req.verb();
        if (verb.isEmpty() || IpRequest.matches(verb, "list") || IpRequest.matches(verb, "show")) {
            StringBuilder out = new StringBuilder();
            req.network().namespaces().stream().filter(NetworkNamespace::isNamed)
                    .map(NetworkNamespace::name).sorted().forEach(name -> out.append(name).append('\n'));
            return CommandResult.ok(out.toString());
        }
        String name = AddressCommands.value(req.args(), 1);
        if (IpRequest.matches(verb, "add")) {
            if (req.network().namespace(name).isPresent()) {
                throw new IpException("Cannot create namespace file \"/run/netns/" + name + "\": File exists", 1);
            }
            req.network().createNamespace(name, true);
            return CommandResult.ok("");
        }
        if (IpRequest.matches(verb, "delete")) {
            NetworkNamespace ns = req.network().namespace(name).filter(NetworkNamespace::isNamed).orElseThrow(() ->
                    new IpException("Cannot remove namespace file \"/run/netns/" + name
                            + "\": No such file or directory", 1));
            req.network().deleteNamespace(ns);
            return CommandResult.ok("");
        }
        if (IpRequest.matches(verb, "exec")) {
            throw new IpException("ip netns exec is not available in the sandbox; "
                    + "use `ip -n " + name + " …`, or `node-shell NODE COMMAND` to run a command on a node", 1);
        }
        throw new IpException("Command \"" + verb + "\" is unknown, try \"ip netns help\".", IpException.USAGE);
    }
}
