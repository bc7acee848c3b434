package org.laymanlabs.sandbox.kube.cloud;

import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;

/**
 * The router of the learner's home network, which the laptop's eth0 and its default route
 * (192.168.1.1) already point at: its LAN side on the home segment, its WAN side on the cloud's
 * internet with a public-looking address, forwarding and masquerading as every home router does.
 * So a LoadBalancer's external IP answers the learner's own curl, and a trace shows the home NAT
 * on the way, as it happens from a real laptop.
 */
final class HomeRouter {

    static final String HOME_SEGMENT = "home";
    static final Cidr LAN = Cidr.parse("192.168.1.1/24");
    static final Cidr WAN = Cidr.parse("203.0.113.3/24");

    private HomeRouter() {
    }

    /** Plugs the laptop's card into the home segment and puts the router between it and the internet. */
    static NetworkNamespace connect(Network network, NamespaceNetfilters netfilters, Internet internet, Link laptopCard) {
        NetworkNamespace router = network.createNamespace("home-router", false);
        router.setUp(router.requireLink("lo"), true);
        Link lan = network.addEthernet(router, "lan0");
        network.plugIntoSegment(lan, HOME_SEGMENT);
        router.addAddress(lan, InterfaceAddress.withBroadcast(LAN, RouteScope.GLOBAL));
        router.setUp(lan, true);
        internet.attach(router, "wan0", WAN);
        router.setIpForward(true);
        network.plugIntoSegment(laptopCard, HOME_SEGMENT);
        MachineRules.load(netfilters.of(router), "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
                + ":POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -o wan0 -j MASQUERADE\nCOMMIT\n", "home router");
        return router;
    }
}
