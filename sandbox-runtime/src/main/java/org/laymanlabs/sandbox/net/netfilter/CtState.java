package org.laymanlabs.sandbox.net.netfilter;

/**
 * A packet's connection-tracking state as {@code -m conntrack --ctstate} sees it, in the order
 * libxt_conntrack.c prints a state list.
 */
public enum CtState {
    INVALID, NEW, RELATED, ESTABLISHED, UNTRACKED
}
