package org.laymanlabs.sandbox.net.netfilter;

/**
 * The five IPv4 netfilter hooks (include/uapi/linux/netfilter.h, enum nf_inet_hooks), in the
 * kernel's numbering order, which is also the order iptables-save prints built-in chains in.
 */
public enum Hook {
    PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING;

    /** The built-in chain that hangs off this hook carries the hook's name. */
    public String chainName() {
        return name();
    }

    /**
     * Whether NAT at this hook rewrites the destination (NF_NAT_MANIP_DST) rather than the
     * source: the kernel's HOOK2MANIP() in net/netfilter/nf_nat_core.c.
     */
    boolean rewritesDestination() {
        return this == PREROUTING || this == OUTPUT;
    }

    /** The first hook a packet meets, where conntrack looks it up (nf_conntrack_in). */
    boolean entersConntrack() {
        return this == PREROUTING || this == OUTPUT;
    }

    /** The last hook a packet meets, where a new connection is confirmed (nf_conntrack_confirm). */
    boolean confirmsConntrack() {
        return this == INPUT || this == POSTROUTING;
    }
}
