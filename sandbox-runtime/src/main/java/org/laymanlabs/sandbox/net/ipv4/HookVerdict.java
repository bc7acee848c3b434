package org.laymanlabs.sandbox.net.ipv4;

/** What netfilter decided at a hook (NF_ACCEPT, NF_DROP, or a REJECT that answers the sender). */
public sealed interface HookVerdict {

    HookVerdict ACCEPT = new Accept();

    record Accept() implements HookVerdict { }

    /** Silently discarded: the sender hears nothing and times out. */
    record Drop(String reason) implements HookVerdict { }

    /** Discarded with an answer (ICMP port unreachable or a TCP reset): the sender is refused at once. */
    record Reject(String reason) implements HookVerdict { }
}
