package org.laymanlabs.sandbox.net.ipv4;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.LinkKind;
import org.laymanlabs.sandbox.net.MacAddress;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.VxlanConfig;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

/**
 * The overlay's tunnel ends (drivers/net/vxlan/vxlan_core.c). Which node a VXLAN device sends a
 * frame to (vxlan_xmit): the inner next hop's MAC is the remote VXLAN device that owns it (what
 * ARP over the tunnel finds); an entry for that MAC names its node, else the frame is flooded to
 * every destination of the all-zeros default entry, and the node that owns the next hop takes it.
 */
final class VxlanForwarding {

    private final Network network;
    private final Ipv4Stack stack;

    VxlanForwarding(Network network, Ipv4Stack stack) {
        this.network = network;
        this.stack = stack;
    }

    /**
     * vxlan_xmit_one: the packet is wrapped in UDP to the node behind its next
     * hop, that outer packet crosses the underlay like any other (rules and all), and the remote
     * node's VXLAN socket unwraps it onto its VXLAN device. Linux picks the outer source port from
     * a hash of the inner flow, so one flow keeps one port.
     */
    Optional<Link> tunnel(NetworkNamespace ns, Skb skb, PacketTrace trace) {
        Link device = skb.outDevice();
        Optional<VxlanConfig> config = device.vxlan();
        Optional<Ipv4Address> remote = config.flatMap(c -> remote(c, skb.nextHop()));
        if (remote.isEmpty()) {
            trace.record(new TraceEvent.Dropped(ns.name(), "no VXLAN forwarding entry on " + device.name()
                    + " for " + skb.nextHop()));
            return Optional.empty();
        }
        VxlanConfig vxlan = config.get();
        int sourcePort = 32768 + Math.floorMod(skb.header().hashCode(), 28232);
        PacketHeader outer = new PacketHeader(Protocol.UDP, vxlan.local().orElse(Ipv4Address.ANY), sourcePort,
                remote.get(), vxlan.port(), false);
        trace.record(new TraceEvent.Encapsulated(ns.name(), device.name(), vxlan.vni(), outer));
        Outcome carried = stack.send(ns, outer, skb.length() + 50, trace);
        if (!(carried instanceof Outcome.Delivered delivered)) {
            return Optional.empty();
        }
        Optional<Link> unwrapper = delivered.namespace().links().stream()
                .filter(l -> l.vxlan().map(c -> c.vni() == vxlan.vni() && c.port() == vxlan.port()).orElse(false))
                .findFirst();
        unwrapper.ifPresent(l -> trace.record(new TraceEvent.Decapsulated(l.namespace().name(), l.name(), vxlan.vni())));
        return unwrapper;
    }

    private Optional<Ipv4Address> remote(VxlanConfig config, Ipv4Address nextHop) {
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
