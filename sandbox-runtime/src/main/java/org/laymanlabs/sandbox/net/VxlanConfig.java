package org.laymanlabs.sandbox.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a VXLAN device a tunnel end (drivers/net/vxlan, struct vxlan_config and its
 * forwarding database): its network identifier, the underlay address it sends from (or none,
 * for routing to choose), the UDP port, the underlay device, whether it learns, the forwarding
 * entries that say which node carries an inner MAC address, and flannel's shortcut, a
 * neighbour-plus-forwarding entry per inner next hop.
 *
 * @param peers inner next hop (the remote flannel.1 address) to the remote node's underlay address
 * @param fdb   {@code bridge fdb} entries, in the order the kernel lists them (newest MAC first)
 */
public record VxlanConfig(int vni, Optional<Ipv4Address> local, int port, Optional<String> device, boolean learning,
                          Map<Ipv4Address, Ipv4Address> peers, List<FdbEntry> fdb) {

    /** flannel's UDP port (Linux's historical VXLAN port, and the kernel's default); the IANA port is 4789. */
    public static final int FLANNEL_PORT = 8472;

    /** One forwarding entry: frames for {@code mac} go to {@code destination}; the all-zeros MAC is the default, flooded to every such entry. */
    public record FdbEntry(MacAddress mac, Ipv4Address destination) { }

    public VxlanConfig {
        peers = Map.copyOf(peers);
        fdb = List.copyOf(fdb);
    }

    /** The tunnel flannel's vxlan backend programs, with a neighbour and forwarding entry per remote node. */
    public VxlanConfig(int vni, Ipv4Address local, int port, Map<Ipv4Address, Ipv4Address> peers) {
        this(vni, Optional.of(local), port, Optional.empty(), false, peers, List.of());
    }

    public Optional<Ipv4Address> remoteFor(Ipv4Address innerNextHop) {
        return Optional.ofNullable(peers.get(innerNextHop));
    }

    /** {@code bridge fdb add/append}: a new entry goes before the entries of other MACs, after those of its own MAC. */
    public VxlanConfig withEntry(FdbEntry entry) {
        List<FdbEntry> entries = new ArrayList<>(fdb);
        int at = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).mac().equals(entry.mac())) {
                at = i + 1;
            }
        }
        entries.add(at, entry);
        return new VxlanConfig(vni, local, port, device, learning, peers, entries);
    }

    public VxlanConfig withoutEntries(List<FdbEntry> gone) {
        List<FdbEntry> entries = new ArrayList<>(fdb);
        entries.removeAll(gone);
        return new VxlanConfig(vni, local, port, device, learning, peers, entries);
    }
}
