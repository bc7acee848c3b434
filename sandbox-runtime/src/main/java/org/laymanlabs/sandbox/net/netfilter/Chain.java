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
    /** Built on the first packet after a change; every change to the rules drops it. */
    private ChainIndex index;
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

    /** The positions of the rules that may match {@code packet}, in rule order (see {@link ChainIndex}). */
    ChainIndex.Candidates candidates(Packet packet) {
        if (index == null) {
            index = ChainIndex.of(rules);
        }
        return index.candidates(packet);
    }

    void add(int position, InstalledRule rule) {
        rules.add(position, rule);
        index = null;
    }

    void set(int position, InstalledRule rule) {
        rules.set(position, rule);
        index = null;
    }

    void remove(int position) {
        rules.remove(position);
        index = null;
    }

    void clear() {
        rules.clear();
        index = null;
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
                set(i, rules.get(i).withRule(moved));
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
