package org.laymanlabs.sandbox.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network device in one namespace: lo, a veth end, a bridge, or a VXLAN device. Mirrors the
 * kernel's struct net_device as far as {@code ip link} and {@code ip addr} show it.
 */
public final class Link {

    private final LinkKind kind;
    private final MacAddress mac;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private String name;
    private int index;
    private NetworkNamespace namespace;
    private int mtu;
    private boolean up;
    private Link peer;
    private Link master;
    private boolean hadPorts;
    private boolean everUp;
    private VxlanConfig vxlan;

    Link(LinkKind kind, String name, MacAddress mac, int mtu) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.mtu = mtu;
    }

    public LinkKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The interface index, unique within its namespace; lo is always 1. */
    public int index() {
        return index;
    }

    public NetworkNamespace namespace() {
        return namespace;
    }

    public MacAddress mac() {
        return mac;
    }

    public int mtu() {
        return mtu;
    }

    /** Administratively up ({@code ip link set … up}). */
    public boolean isUp() {
        return up;
    }

    /** The other end of a veth pair. */
    public Optional<Link> peer() {
        return Optional.ofNullable(peer);
    }

    /** The bridge this device is a port of. */
    public Optional<Link> master() {
        return Optional.ofNullable(master);
    }

    public List<InterfaceAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** The addresses themselves, for the stack's per-packet reads in this package: not to be changed. */
    List<InterfaceAddress> addressList() {
        return addresses;
    }

    /**
     * Whether the device can pass traffic: up, and for a veth, its peer up too; a bridge has
     * carrier while it has never had ports or while one of its ports has carrier.
     */
    public boolean hasCarrier() {
        if (!up) {
            return false;
        }
        return switch (kind) {
            case LOOPBACK, ETHERNET, VXLAN -> true;
            case VETH -> peer != null && peer.up;
            case BRIDGE -> !hadPorts || ports().stream().anyMatch(Link::hasCarrier);
        };
    }

    /** The devices enslaved to this bridge. */
    public List<Link> ports() {
        return namespace == null ? List.of()
                : namespace.links().stream().filter(l -> l.master == this).toList();
    }

    void attach(NetworkNamespace namespace, int index) {
        this.namespace = namespace;
        this.index = index;
    }

    void rename(String name) {
        this.name = name;
    }

    void setUp(boolean up) {
        this.up = up;
        everUp |= up;
    }

    /** Whether it has ever been up: the kernel attaches its queue discipline then, and keeps it. */
    public boolean hasBeenUp() {
        return everUp;
    }

    void setMtu(int mtu) {
        this.mtu = mtu;
    }

    void pairWith(Link other) {
        this.peer = other;
        other.peer = this;
    }

    void setMaster(Link bridge) {
        this.master = bridge;
        if (bridge != null) {
            bridge.hadPorts = true;
        }
    }

    /** A VXLAN device's tunnel settings, once configured. */
    public Optional<VxlanConfig> vxlan() {
        return Optional.ofNullable(vxlan);
    }

    void configureVxlan(VxlanConfig config) {
        this.vxlan = config;
    }

    void addAddress(InterfaceAddress address) {
        addresses.add(address);
    }

    boolean removeAddress(Cidr address) {
        return addresses.removeIf(a -> a.address().equals(address));
    }

    @Override
    public String toString() {
        return name + (namespace == null ? "" : "@" + namespace.name());
    }
}
