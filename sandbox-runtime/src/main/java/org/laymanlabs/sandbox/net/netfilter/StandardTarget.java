package org.laymanlabs.sandbox.net.netfilter;

/** The built-in verdicts ACCEPT, DROP and RETURN (libxt_standard.c); {@code name()} is the word after -j. */
public enum StandardTarget implements Target {
    ACCEPT, DROP, RETURN
}
