package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/** One {@code ip OBJECT …} call after the global options: where it acts, how it prints, and the words left. */
record IpRequest(Network network, NetworkNamespace namespace, boolean brief, boolean ipv4Only, boolean details,
        List<String> args) {

    String verb() {
        return args.isEmpty() ? "" : args.get(0);
    }

    List<String> rest() {
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    Link link(String name) {
        return namespace.link(name).orElseThrow(() -> IpException.noDevice(name));
    }

    static Cidr prefix(String word) {
        try {
            return word.equals("default") ? Cidr.parse("0.0.0.0/0") : Cidr.parse(word);
        } catch (IllegalArgumentException e) {
            throw IpException.badPrefix(word);
        }
    }

    /** iproute2's matches(): the word is a non-empty prefix of the keyword. */
    static boolean matches(String word, String keyword) {
        return !word.isEmpty() && keyword.startsWith(word);
    }
}
