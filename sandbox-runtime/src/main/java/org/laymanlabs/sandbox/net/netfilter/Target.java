package org.laymanlabs.sandbox.net.netfilter;

/**
 * What a rule does when it matches (-j NAME …): a standard verdict, a jump to a user chain, or
 * a target extension mirroring its libxt_NAME.c / libipt_NAME.c.
 */
public sealed interface Target
        permits StandardTarget, JumpTarget, RejectTarget, DnatTarget, SnatTarget, MasqueradeTarget,
                MarkTarget, LogTarget, TraceTarget {

    /** The word after {@code -j}. */
    String name();

    /** The target's options as iptables-save prints them, each with a leading space. */
    default String save() {
        return "";
    }

    /** The words iptables -L prints after the matches, each with a leading space. */
    default String print(boolean numeric) {
        return "";
    }
}
