package org.laymanlabs.sandbox.net.ipv4;

import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;

/**
 * Layer 2: which device a frame for {@code nextHop} lands on once it leaves a device. Answers as
 * ARP would (the owner of the address replies, arp_ignore=0) and as a bridge forwards (to the
 * port behind which the owner sits, or up to the bridge itself when the bridge's namespace owns it).
 */
final class LinkLayer {

    /** Where the frame arrives, and the bridge hop on the way, if it was switched by one. */
    record Arrival(Link ingress, Optional<BridgeHop> bridged) { }

    record BridgeHop(Link bridge, Link inPort, Link outPort) { }

    private LinkLayer() {
    }

    static Optional<Arrival> transmit(Network network, Link out, Ipv4Address nextHop) {
        if (!out.hasCarrier()) {
            return Optional.empty();
        }
        return switch (out.kind()) {
            case LOOPBACK -> Optional.of(new Arrival(out, Optional.empty()));
            case VETH -> out.peer().flatMap(peer -> land(peer, nextHop));
            case BRIDGE -> portTowards(out, null, nextHop)
                    .flatMap(port -> port.peer().map(far -> new Arrival(far, Optional.empty())));
            case ETHERNET -> network.segmentPeers(out).stream()
                    .filter(card -> card.isUp() && card.namespace().isLocal(nextHop))
                    .findFirst().map(card -> new Arrival(card, Optional.empty()));
            case VXLAN -> Optional.empty();
        };
    }

    /** The frame reached {@code device}; a bridge port hands it to its bridge. */
    private static Optional<Arrival> land(Link device, Ipv4Address nextHop) {
        if (!device.isUp()) {
            return Optional.empty();
        }
        Optional<Link> master = device.master();
        if (master.isEmpty()) {
            return device.namespace().isLocal(nextHop) ? Optional.of(new Arrival(device, Optional.empty())) : Optional.empty();
        }
        Link bridge = master.get();
        if (bridge.isUp() && bridge.namespace().isLocal(nextHop)) {
            return Optional.of(new Arrival(bridge, Optional.empty()));
        }
        return portTowards(bridge, device, nextHop).flatMap(outPort -> outPort.peer()
                .filter(Link::isUp)
                .map(far -> new Arrival(far, Optional.of(new BridgeHop(bridge, device, outPort)))));
    }

    /** The bridge port (other than the one the frame came in on) behind which {@code nextHop} lives. */
    private static Optional<Link> portTowards(Link bridge, Link inPort, Ipv4Address nextHop) {
        return bridge.ports().stream()
                .filter(port -> port != inPort && port.hasCarrier())
                .filter(port -> port.peer().map(far -> far.namespace().isLocal(nextHop)).orElse(false))
                .findFirst();
    }
}
