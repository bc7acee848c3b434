package org.laymanlabs.sandbox.net.netfilter;

/** What a built-in chain does with a packet that falls off its end. */
public enum Policy {
    ACCEPT, DROP
}
