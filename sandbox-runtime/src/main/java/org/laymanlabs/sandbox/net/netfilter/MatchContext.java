package org.laymanlabs.sandbox.net.netfilter;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** What a match may consult while it runs: the packet, the namespace's state, the rule's own counters. */
public final class MatchContext {

    private final Packet packet;
    private final Netfilter netfilter;
    private final InstalledRule rule;

    MatchContext(Packet packet, Netfilter netfilter, InstalledRule rule) {
        this.packet = packet;
        this.netfilter = netfilter;
        this.rule = rule;
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
