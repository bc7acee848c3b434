package org.laymanlabs.sandbox.net.netfilter;

import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * The SNAT target (libipt_SNAT.c): rewrite the source of a connection's first packet. Valid
 * only in the nat table's INPUT and POSTROUTING paths.
 *
 * @param port 0 to keep the packet's port
 */
public record SnatTarget(Ipv4Address address, int port, boolean randomFully) implements Target {

    @Override
    public String name() {
        return "SNAT";
    }

    @Override
    public String save() {
        return " --to-source " + source() + (randomFully ? " --random-fully" : "");
    }

    @Override
    public String print(boolean numeric) {
        return " to:" + source() + (randomFully ? " random-fully" : "");
    }

    private String source() {
        return port == 0 ? address.toString() : address + ":" + port;
    }
}
