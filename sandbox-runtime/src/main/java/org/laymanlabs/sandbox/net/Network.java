package org.laymanlabs.sandbox.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Every network namespace of one sandbox and the devices that join them. Creating devices and
 * moving them between namespaces goes through here, so that veth pairs and indexes stay
 * consistent, as rtnetlink keeps them in the kernel.
 */
public final class Network {

    /** IFNAMSIZ - 1: the longest name the kernel accepts for a device. */
    public static final int MAX_LINK_NAME = 15;

    private final Map<String, NetworkNamespace> namespaces = new LinkedHashMap<>();
    private final Map<Link, String> segments = new LinkedHashMap<>();
    private RandomGenerator random;

    public Network(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Runs {@code build} with new devices taking their MACs from {@code macs}: a part of the sandbox
     * built in the background (the cluster's nodes and pods) keeps its own draws, so that it does
     * not shift the MACs and IDs the seed gives the learner's own devices and containers.
     */
    public <T> T withMacsFrom(RandomGenerator macs, java.util.function.Supplier<T> build) {
        RandomGenerator previous = random;
        random = macs;
        try {
            return build.get();
        } finally {
            random = previous;
        }
    }

    /**
     * A new namespace with only lo, and lo down and without an address until it is first
     * brought up, as {@code ip netns add} leaves it.
     *
     * @param named whether {@code ip netns list} shows it; a container's namespace is not named
     */
    public NetworkNamespace createNamespace(String name, boolean named) {
        if (namespaces.containsKey(name)) {
            throw new NetlinkException(Errno.EEXIST);
        }
        NetworkNamespace ns = new NetworkNamespace(name, named);
        Link lo = new Link(LinkKind.LOOPBACK, "lo", MacAddress.ZERO, 65536);
        ns.attach(lo, 1);
        namespaces.put(name, ns);
        return ns;
    }

    public Optional<NetworkNamespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    public List<NetworkNamespace> namespaces() {
        return List.copyOf(namespaces.values());
    }

    public void deleteNamespace(NetworkNamespace ns) {
        // Destroying a namespace destroys its veth ends, and with them their peers.
        for (Link link : new ArrayList<>(ns.links())) {
            link.peer().ifPresent(peer -> peer.namespace().detach(peer));
        }
        namespaces.remove(ns.name());
    }

    /** A machine's network card: always has carrier when up. */
    public Link addEthernet(NetworkNamespace ns, String name) {
        return add(ns, new Link(LinkKind.ETHERNET, checkName(ns, name), MacAddress.random(random), 1500));
    }

    /** Plugs a network card into a LAN segment (a switch): every card on it reaches the others. */
    public void plugIntoSegment(Link card, String segment) {
        if (card.kind() != LinkKind.ETHERNET) {
            throw new NetlinkException(Errno.EINVAL);
        }
        segments.put(card, segment);
    }

    /** The other cards on the same segment as this one. */
    public List<Link> segmentPeers(Link card) {
        String segment = segments.get(card);
        if (segment == null) {
            return List.of();
        }
        return segments.entrySet().stream()
                .filter(e -> e.getValue().equals(segment) && e.getKey() != card)
                .map(Map.Entry::getKey)
                .toList();
    }

    public Link addBridge(NetworkNamespace ns, String name) {
        return add(ns, new Link(LinkKind.BRIDGE, checkName(ns, name), MacAddress.random(random), 1500));
    }

    public Link addVxlan(NetworkNamespace ns, String name, int mtu) {
        return add(ns, new Link(LinkKind.VXLAN, checkName(ns, name), MacAddress.random(random), mtu));
    }

    /**
     * Makes a VXLAN device a tunnel end, as flannel's vxlan backend does: the kernel opens a UDP
     * socket on the port in the device's namespace, where encapsulated frames from other nodes arrive.
     */
    public void configureVxlan(Link device, VxlanConfig config) {
        if (device.kind() != LinkKind.VXLAN) {
            throw new NetlinkException(Errno.EINVAL);
        }
        // Devices on one port share one socket, as vxlan_sock_add shares it.
        if (device.namespace().sockets().lookup(Protocol.UDP, Ipv4Address.ANY, config.port()).isEmpty()) {
            device.namespace().sockets().listen(new org.laymanlabs.sandbox.net.socket.Listener(Protocol.UDP,
                    Ipv4Address.ANY, config.port(), "vxlan " + device.name(), (data, peer) -> ""));
        }
        device.configureVxlan(config);
    }

    /** {@code ip link add NAME type veth peer name PEER [netns OTHER]}; returns the first end. */
    public Link addVethPair(NetworkNamespace ns, String name, NetworkNamespace peerNs, String peerName) {
        checkName(ns, name);
        checkName(peerNs, peerName);
        if (ns == peerNs && name.equals(peerName)) {
            throw new NetlinkException(Errno.EEXIST);
        }
        Link end = new Link(LinkKind.VETH, name, MacAddress.random(random), 1500);
        Link peer = new Link(LinkKind.VETH, peerName, MacAddress.random(random), 1500);
        end.pairWith(peer);
        // veth_newlink registers the peer first, so it gets the lower index.
        add(peerNs, peer);
        add(ns, end);
        return end;
    }

    /** {@code ip link set DEV netns NS}: the device goes down and loses its addresses, as in the kernel. */
    public void moveLink(Link link, NetworkNamespace target) {
        if (link.kind() == LinkKind.LOOPBACK) {
            throw new NetlinkException(Errno.EINVAL);
        }
        checkName(target, link.name());
        link.namespace().detach(link);
        link.setUp(false);
        link.setMaster(null);
        link.addresses().forEach(a -> link.removeAddress(a.address()));
        target.attach(link, link.index());
    }

    public void rename(Link link, String newName) {
        checkName(link.namespace(), newName);
        link.rename(newName);
    }

    /** {@code ip link set DEV master BRIDGE}. */
    public void enslave(Link port, Link bridge) {
        if (bridge.kind() != LinkKind.BRIDGE || bridge.namespace() != port.namespace() || port == bridge) {
            throw new NetlinkException(Errno.EINVAL);
        }
        port.setMaster(bridge);
    }

    public void release(Link port) {
        port.setMaster(null);
    }

    public void setMtu(Link link, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new NetlinkException(Errno.EINVAL);
        }
        link.setMtu(mtu);
    }

    /** {@code ip link del DEV}; deleting one end of a veth pair deletes the other. */
    public void deleteLink(Link link) {
        if (link.kind() == LinkKind.LOOPBACK) {
            throw new NetlinkException(Errno.EINVAL);
        }
        link.ports().forEach(port -> port.setMaster(null));
        link.namespace().detach(link);
        link.peer().ifPresent(peer -> peer.namespace().detach(peer));
    }

    private Link add(NetworkNamespace ns, Link link) {
        ns.attach(link, 0);
        return link;
    }

    private static String checkName(NetworkNamespace ns, String name) {
        if (name.isEmpty() || name.length() > MAX_LINK_NAME || name.contains("/") || name.contains(" ")) {
            throw new NetlinkException(Errno.EINVAL, "Attribute failed policy validation");
        }
        if (ns.link(name).isPresent()) {
            throw new NetlinkException(Errno.EEXIST);
        }
        return name;
    }
}
