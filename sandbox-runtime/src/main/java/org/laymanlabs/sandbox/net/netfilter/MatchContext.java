package org.laymanlabs.sandbox.net.netfilter;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** What a match may consult while it runs: the packet, the namespace's state, the rule's own counters. */
public final class MatchContext {

    private final Netfilter netfilter;
    private Packet packet;
    private InstalledRule rule;

    /** One context serves a whole walk, pointed at each rule in turn, so that trying a rule allocates nothing. */
    MatchContext(Netfilter netfilter) {
        this.netfilter = netfilter;
    }

    MatchContext at(Packet current, InstalledRule installed) {
        this.packet = current;
        this.rule = installed;
        return this;
    }

    public Packet packet() {
        return packet;
    }

    RandomGenerator random() {
        return netfilter.random();
    }

    Instant now() {
        return netfilter.clock().now();
    }

    RecentList recent(String name) {
        return netfilter.recentList(name);
    }

    boolean advanceNth(StatisticMatch match) {
        return rule.advanceNth(match);
    }
}
