package org.laymanlabs.sandbox.net.ipv4;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.LinkKind;
import org.laymanlabs.sandbox.net.MacAddress;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.VxlanConfig;

/**
 * Which node a VXLAN device sends a frame to (drivers/net/vxlan/vxlan_core.c, vxlan_xmit): the
 * inner next hop's MAC is the remote VXLAN device that owns it (what ARP over the tunnel finds);
 * an entry for that MAC names its node, else the frame is flooded to every destination of the
 * all-zeros default entry, and the node that owns the next hop takes it.
 */
final class VxlanForwarding {

    private VxlanForwarding() {
    }

    static Optional<Ipv4Address> remote(Network network, VxlanConfig config, Ipv4Address nextHop) {
        Optional<Ipv4Address> flannel = config.remoteFor(nextHop);
        if (flannel.isPresent()) {
            return flannel;
        }
        Optional<Link> owner = network.namespaces().stream()
                .flatMap(ns -> ns.links().stream())
                .filter(link -> link.kind() == LinkKind.VXLAN && link.isUp())
                .filter(link -> link.vxlan().map(c -> c.vni() == config.vni() && c.port() == config.port()).orElse(false))
                .filter(link -> link.addresses().stream().anyMatch(a -> a.ip().equals(nextHop)))
                .findFirst();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        MacAddress mac = owner.get().mac();
        List<VxlanConfig.FdbEntry> exact = config.fdb().stream().filter(e -> e.mac().equals(mac)).toList();
        if (!exact.isEmpty()) {
            return Optional.of(exact.get(0).destination());
        }
        NetworkNamespace node = owner.get().namespace();
        return config.fdb().stream()
                .filter(e -> e.mac().equals(MacAddress.ZERO))
                .map(VxlanConfig.FdbEntry::destination)
                .filter(node::isLocal)
                .findFirst();
    }
}
