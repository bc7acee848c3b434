package org.laymanlabs.sandbox.kube.cloud;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.RouteScope;

/**
 * The public side of the simulated cloud: one segment standing for the internet, in
 * 203.0.113.0/24 (TEST-NET-3, addresses that look public and are reserved for examples), with a
 * client of its own ("outside", at .2) that is neither a node nor the learner's laptop, and the
 * pool the cloud takes load balancer IPs from (.10 upwards), as a provider's regional pool of
 * external addresses.
 */
public final class Internet {

    static final String SEGMENT = "internet";
    static final Cidr SUBNET = Cidr.parse("203.0.113.0/24");
    static final Cidr OUTSIDE = Cidr.parse("203.0.113.2/24");
    private static final int FIRST_POOL_ADDRESS = 10;

    private final Network network;
    private final NetworkNamespace outside;
    private final Set<Ipv4Address> allocated = new HashSet<>();

    Internet(Network network) {
        this.network = network;
        this.outside = network.createNamespace("outside", false);
        outside.setUp(outside.requireLink("lo"), true);
        attach(outside, "eth0", OUTSIDE);
    }

    /** A card on the internet segment at {@code address}, up. */
    Link attach(NetworkNamespace machine, String card, Cidr address) {
        Link eth = network.addEthernet(machine, card);
        network.plugIntoSegment(eth, SEGMENT);
        machine.addAddress(eth, InterfaceAddress.withBroadcast(address, RouteScope.GLOBAL));
        machine.setUp(eth, true);
        return eth;
    }

    /** The client on the internet, from which a load balancer's IP is tried. */
    public NetworkNamespace outside() {
        return outside;
    }

    /** The lowest free address of the pool, or empty when the pool is spent. */
    Optional<Ipv4Address> allocate() {
        for (int i = FIRST_POOL_ADDRESS; i < 255; i++) {
            Ipv4Address candidate = SUBNET.nth(i);
            if (allocated.add(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    void release(Ipv4Address address) {
        allocated.remove(address);
    }
}
