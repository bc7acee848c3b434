package org.laymanlabs.sandbox.net.netfilter;

/** The TRACE target (libxt_TRACE.c), valid in the raw table: marks the packet for rule tracing. */
public record TraceTarget() implements Target {

    @Override
    public String name() {
        return "TRACE";
    }
}
