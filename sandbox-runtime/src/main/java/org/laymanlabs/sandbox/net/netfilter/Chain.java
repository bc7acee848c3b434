package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of one table: built-in chains have a policy and policy counters, user chains have
 * neither. Rule numbers, as iptables shows them, start at 1.
 */
public final class Chain {

    private final String name;
    private final List<InstalledRule> rules = new ArrayList<>();
    private Policy policy;
    private long packets;
    private long bytes;

    Chain(String name, Policy policy) {
        this.name = name;
        this.policy = policy;
    }

    public String name() {
        return name;
    }

    public boolean builtin() {
        return policy != null;
    }

    /** The policy of a built-in chain; null for a user chain. */
    public Policy policy() {
        return policy;
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public List<InstalledRule> rules() {
        return List.copyOf(rules);
    }

    int size() {
        return rules.size();
    }

    InstalledRule rule(int index) {
        return rules.get(index);
    }

    void add(int index, InstalledRule rule) {
        rules.add(index, rule);
    }

    void set(int index, InstalledRule rule) {
        rules.set(index, rule);
    }

    void remove(int index) {
        rules.remove(index);
    }

    void clear() {
        rules.clear();
    }

    void setPolicy(Policy newPolicy, long newPackets, long newBytes) {
        policy = newPolicy;
        packets = newPackets;
        bytes = newBytes;
    }

    void countPolicy(int length) {
        packets++;
        bytes += length;
    }

    void zero() {
        packets = 0;
        bytes = 0;
        rules.forEach(InstalledRule::zero);
    }

    Chain renamed(String newName) {
        Chain copy = new Chain(newName, policy);
        copy.rules.addAll(rules);
        return copy;
    }

    /** Points every jump or goto to {@code from} at {@code to}, keeping counters. */
    void retarget(String from, String to) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i).rule();
            if (from.equals(rule.jumpsTo())) {
                Rule moved = new Rule(rule.ip(), rule.matches(), new JumpTarget(to), rule.gotoChain());
                rules.set(i, rules.get(i).withRule(moved));
            }
        }
    }

    Chain copy() {
        Chain copy = new Chain(name, policy);
        copy.packets = packets;
        copy.bytes = bytes;
        rules.forEach(rule -> copy.rules.add(rule.copy()));
        return copy;
    }
}
