package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.netfilter.ConntrackEntry;
import org.laymanlabs.sandbox.net.netfilter.CtState;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;

/**
 * A packet in flight with the kernel's metadata about it (struct sk_buff, as far as routing and
 * netfilter read it). Mutable on purpose: NAT rewrites the header, MARK sets the mark, each
 * hop sets the devices, exactly as the kernel mutates one skb along its way.
 */
public final class Skb {

    private PacketHeader header;
    private final int length;
    private Link inDevice;
    private Link outDevice;
    private Ipv4Address nextHop;
    private int mark;
    private int ttl = 64;
    private ConntrackEntry conntrack;
    private boolean replyDirection;
    private boolean related;
    private CtState ctState;

    public Skb(PacketHeader header, int length) {
        this.header = header;
        this.length = length;
    }

    public PacketHeader header() {
        return header;
    }

    public void rewrite(PacketHeader newHeader) {
        this.header = newHeader;
    }

    /** Bytes on the wire, for iptables' byte counters. */
    public int length() {
        return length;
    }

    /** The device it arrived on (iptables {@code -i}); null for locally generated packets. */
    public Link inDevice() {
        return inDevice;
    }

    /** The device it will leave by (iptables {@code -o}); null before routing. */
    public Link outDevice() {
        return outDevice;
    }

    public Ipv4Address nextHop() {
        return nextHop;
    }

    public int mark() {
        return mark;
    }

    public void setMark(int mark) {
        this.mark = mark;
    }

    public int ttl() {
        return ttl;
    }

    /** The connection conntrack attached to it in the current namespace, or null. */
    public ConntrackEntry conntrack() {
        return conntrack;
    }

    public boolean replyDirection() {
        return replyDirection;
    }

    /** Whether it is an error about its connection rather than part of it (RELATED). */
    public boolean related() {
        return related;
    }

    /** The state conntrack gave it at the last hook ({@code --ctstate}), or null where nothing tracked it. */
    public CtState ctState() {
        return ctState;
    }

    public void attach(ConntrackEntry entry, boolean reply, boolean isRelated, CtState state) {
        this.conntrack = entry;
        this.replyDirection = reply;
        this.related = isRelated;
        this.ctState = state;
    }

    /**
     * An error generated about {@code offending} carries its connection along, flipped to the
     * other direction and RELATED, as icmp_send and nf_send_reset attach it (nf_ct_attach), so
     * it passes the generating namespace's own rules as RELATED even before the connection is confirmed.
     */
    void relateTo(Skb offending) {
        if (offending.conntrack != null) {
            attach(offending.conntrack, !offending.replyDirection, true, CtState.RELATED);
        }
    }

    /**
     * The packet arrived on a device. Entering another namespace scrubs it, as
     * skb_scrub_packet(skb, xnet) does on a veth: its conntrack entry and mark stay behind.
     */
    void arrivedOn(Link device) {
        if (inDevice != null || outDevice != null) {
            Link previous = outDevice != null ? outDevice : inDevice;
            if (previous.namespace() != device.namespace()) {
                conntrack = null;
                replyDirection = false;
                related = false;
                ctState = null;
                mark = 0;
            }
        }
        this.inDevice = device;
        this.outDevice = null;
    }

    void routedOut(Link device, Ipv4Address hop) {
        this.outDevice = device;
        this.nextHop = hop;
    }

    void decrementTtl() {
        ttl--;
    }

    /** The TTL a packet leaves a socket with; a sender may choose its own (ping -t). */
    void setTtl(int value) {
        ttl = value;
    }
}
