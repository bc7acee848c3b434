package org.laymanlabs.sandbox.net.ipv4;

import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.netfilter.Hook;

/**
 * Where netfilter hooks into the IPv4 path: the NF_HOOK calls of net/ipv4. Each namespace has its
 * own tables; an implementation may rewrite the packet (NAT) and set its mark, and reports the
 * rules that matched, which the stack records in the packet's trace.
 */
@FunctionalInterface
public interface NetfilterHooks {

    /** A namespace without rules: every hook accepts. */
    NetfilterHooks ACCEPT_ALL = (hook, ns, skb) -> HookResult.ACCEPTED;

    HookResult run(Hook hook, NetworkNamespace ns, Skb skb);
}
