package org.laymanlabs.sandbox.net.netfilter;

/**
 * A rule as it sits in a chain: its specification plus what the kernel keeps beside it, the
 * packet and byte counters and the nth-mode statistic counters.
 */
public final class InstalledRule {

    private final Rule rule;
    private final int[] nthCounts;
    private long packets;
    private long bytes;
    /** The rule's iptables-save line as last traced, and the chain name it was made for: a trace names every matching rule. */
    private String savedChain;
    private String saved;
    private String label;

    public InstalledRule(Rule rule, long packets, long bytes) {
        this.rule = rule;
        this.packets = packets;
        this.bytes = bytes;
        this.nthCounts = new int[rule.matches().size()];
        for (int i = 0; i < nthCounts.length; i++) {
            if (rule.matches().get(i) instanceof StatisticMatch statistic) {
                nthCounts[i] = statistic.initialCount();
            }
        }
    }

    public Rule rule() {
        return rule;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** {@link Rule#save(String)}, kept: the rule never changes, and a chain keeps its name unless renamed. */
    String saved(String chain) {
        if (!chain.equals(savedChain)) {
            saved = rule.save(chain);
            savedChain = chain;
        }
        return saved;
    }

    /** The verdict word a trace shows when this rule matches (see {@link Traversal#label(Rule)}). */
    String label() {
        if (label == null) {
            label = Traversal.label(rule);
        }
        return label;
    }

    void count(int length) {
        packets++;
        bytes += length;
    }

    void zero() {
        packets = 0;
        bytes = 0;
    }

    /** xt_statistic.c, nth mode: the counter wraps to 0 after {@code every - 1}, and the rule matches on 0. */
    boolean advanceNth(StatisticMatch match) {
        int index = indexOf(match);
        int last = match.every() - 1;
        int next = nthCounts[index] == last ? 0 : nthCounts[index] + 1;
        nthCounts[index] = next;
        return next == 0;
    }

    private int indexOf(StatisticMatch match) {
        for (int i = 0; i < nthCounts.length; i++) {
            if (rule.matches().get(i) == match) {
                return i;
            }
        }
        throw new IllegalArgumentException("match is not part of this rule");
    }

    InstalledRule withRule(Rule replacement) {
        return new InstalledRule(replacement, packets, bytes);
    }

    InstalledRule copy() {
        InstalledRule copy = new InstalledRule(rule, packets, bytes);
        System.arraycopy(nthCounts, 0, copy.nthCounts, 0, nthCounts.length);
        return copy;
    }
}
