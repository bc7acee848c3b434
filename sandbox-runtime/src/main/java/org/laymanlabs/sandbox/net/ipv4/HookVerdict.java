package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.netfilter.RejectTarget;

/** What netfilter decided at a hook (NF_ACCEPT, NF_DROP, or a REJECT that answers the sender). */
public sealed interface HookVerdict {

    HookVerdict ACCEPT = new Accept();

    record Accept() implements HookVerdict { }

    /** Silently discarded: the sender hears nothing and times out. */
    record Drop(String reason) implements HookVerdict { }

    /** Discarded with an answer (an ICMP error or a TCP reset), which the stack sends back to the sender. */
    record Reject(RejectTarget.Type with, String reason) implements HookVerdict { }
}
