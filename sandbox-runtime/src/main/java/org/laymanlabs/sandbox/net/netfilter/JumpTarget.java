package org.laymanlabs.sandbox.net.netfilter;

/** A jump (-j) or goto (-g) to a user-defined chain; the rule records which of the two. */
public record JumpTarget(String chain) implements Target {

    @Override
    public String name() {
        return chain;
    }
}
