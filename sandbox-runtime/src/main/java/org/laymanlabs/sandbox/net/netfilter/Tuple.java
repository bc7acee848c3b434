package org.laymanlabs.sandbox.net.netfilter;

import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/** A conntrack tuple (struct nf_conntrack_tuple): one direction of a connection. */
public record Tuple(Protocol protocol, Ipv4Address source, int sourcePort,
                    Ipv4Address destination, int destinationPort) {

    public Tuple inverse() {
        return new Tuple(protocol, destination, destinationPort, source, sourcePort);
    }

    Tuple withSource(Ipv4Address address, int port) {
        return new Tuple(protocol, address, port, destination, destinationPort);
    }

    Tuple withDestination(Ipv4Address address, int port) {
        return new Tuple(protocol, source, sourcePort, address, port);
    }

    /** As conntrack -L prints one direction: {@code src=… dst=… sport=… dport=…}. */
    String describe() {
        String addresses = "src=" + source + " dst=" + destination;
        if (protocol == Protocol.ICMP) {
            return addresses;
        }
        return addresses + " sport=" + sourcePort + " dport=" + destinationPort;
    }
}
