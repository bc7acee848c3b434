package org.laymanlabs.sandbox.net.netfilter;

import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The DNAT target (libxt_DNAT.c): rewrite the destination of a connection's first packet, and
 * so of the whole connection. Valid only in the nat table's PREROUTING and OUTPUT paths.
 *
 * @param port 0 to keep the packet's port
 */
public record DnatTarget(Ipv4Address address, int port) implements Target {

    @Override
    public String name() {
        return "DNAT";
    }

    @Override
    public String save() {
        return " --to-destination " + destination();
    }

    @Override
    public String print(boolean numeric) {
        return " to:" + destination();
    }

    private String destination() {
        return port == 0 ? address.toString() : address + ":" + port;
    }
}
