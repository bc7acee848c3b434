package org.laymanlabs.sandbox.net;

import java.util.Map;
import java.util.Optional;

/**
 * What makes a VXLAN device a tunnel end (drivers/net/vxlan): its network identifier, the
 * underlay address it sends from, the UDP port, and for each inner next hop the node whose
 * underlay address carries it, as flannel writes the neighbour and forwarding entries.
 *
 * @param peers inner next hop (the remote flannel.1 address) to the remote node's underlay address
 */
public record VxlanConfig(int vni, Ipv4Address local, int port, Map<Ipv4Address, Ipv4Address> peers) {

    /** flannel's UDP port (Linux's historical VXLAN port); the IANA port is 4789. */
    public static final int FLANNEL_PORT = 8472;

    public VxlanConfig {
        peers = Map.copyOf(peers);
    }

    public Optional<Ipv4Address> remoteFor(Ipv4Address innerNextHop) {
        return Optional.ofNullable(peers.get(innerNextHop));
    }
}
