package org.laymanlabs.sandbox.net.netfilter;

import java.util.List;
import java.util.Objects;

/**
 * One rule's specification, as the kernel stores it: the IP part, the match extensions in the
 * order they were loaded, and the target (null for a rule that only counts).
 *
 * @param gotoChain true when the rule was written {@code -g CHAIN} rather than {@code -j CHAIN}
 */
public record Rule(IpMatch ip, List<Match> matches, Target target, boolean gotoChain) {

    public Rule {
        Objects.requireNonNull(ip, "ip");
        matches = List.copyOf(matches);
    }

    /** The whole rule in kernel-normalised iptables-save form, without counters. */
    public String save(String chain) {
        return "-A " + chain + saveBody();
    }

    /** Everything after the chain name, each part with a leading space. */
    public String saveBody() {
        StringBuilder out = new StringBuilder(ip.save());
        for (Match match : matches) {
            out.append(" -m ").append(match.name()).append(match.save());
        }
        if (target != null) {
            out.append(gotoChain ? " -g " : " -j ").append(target.name()).append(target.save());
        }
        return out.toString();
    }

    /** The user chain this rule jumps or goes to, if any. */
    public String jumpsTo() {
        return target instanceof JumpTarget jump ? jump.chain() : null;
    }
}
