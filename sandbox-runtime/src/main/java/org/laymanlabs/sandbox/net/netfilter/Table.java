package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One table of one namespace: its built-in chains in hook order and its user chains by name.
 * Every change is checked first and refused with the kernel's errno, so a failed change leaves
 * the table as it was. Callers that change several things at once work on a {@link #copy()}.
 */
public final class Table {

    private final TableName name;
    private final Map<String, Chain> builtins = new LinkedHashMap<>();
    private final TreeMap<String, Chain> userChains = new TreeMap<>();

    public Table(TableName name) {
        this.name = name;
        for (Hook hook : name.builtinChains()) {
            builtins.put(hook.chainName(), new Chain(hook.chainName(), Policy.ACCEPT));
        }
    }

    public TableName name() {
        return name;
    }

    public Optional<Chain> chain(String chainName) {
        Chain builtin = builtins.get(chainName);
        return Optional.ofNullable(builtin != null ? builtin : userChains.get(chainName));
    }

    /** Built-in chains in hook order, then user chains sorted by name, as iptables-save lists them. */
    public List<Chain> chains() {
        List<Chain> all = new ArrayList<>(builtins.values());
        all.addAll(userChains.values());
        return all;
    }

    /** How many rules jump or go to {@code chainName}: the "(N references)" of iptables -L. */
    public int references(String chainName) {
        int count = 0;
        for (Chain chain : chains()) {
            for (InstalledRule rule : chain.rules()) {
                if (chainName.equals(rule.rule().jumpsTo())) {
                    count++;
                }
            }
        }
        return count;
    }

    Chain builtin(Hook hook) {
        return builtins.get(hook.chainName());
    }

    public void newChain(String chainName) {
        if (chain(chainName).isPresent()) {
            throw new NetfilterException(Errno.EEXIST, "chain " + chainName);
        }
        userChains.put(chainName, new Chain(chainName, null));
    }

    /** Deletes an empty, unreferenced chain. iptables-nft may "delete" an empty built-in; it stays listed. */
    public void deleteChain(String chainName) {
        Chain chain = existing(chainName);
        if (chain.size() > 0 || references(chainName) > 0) {
            throw new NetfilterException(Errno.EBUSY, "chain " + chainName);
        }
        userChains.remove(chainName);
    }

    /** {@code -X} without a chain: every user chain, all or nothing. */
    public void deleteUserChains() {
        for (Chain chain : userChains.values()) {
            boolean referencedFromBuiltin = builtins.values().stream()
                    .flatMap(b -> b.rules().stream()).anyMatch(r -> chain.name().equals(r.rule().jumpsTo()));
            if (chain.size() > 0 || referencedFromBuiltin) {
                throw new NetfilterException(Errno.EBUSY, "chain " + chain.name());
            }
        }
        userChains.clear();
    }

    /** -E: renames a user chain; rules that jump to it follow it, as they hold a reference, not a name. */
    public void renameChain(String oldName, String newName) {
        Chain chain = userChains.get(oldName);
        if (chain == null) {
            throw new NetfilterException(Errno.ENOENT, "chain " + oldName);
        }
        if (chain(newName).isPresent()) {
            throw new NetfilterException(Errno.EEXIST, "chain " + newName);
        }
        userChains.remove(oldName);
        userChains.put(newName, chain.renamed(newName));
        for (Chain other : chains()) {
            other.retarget(oldName, newName);
        }
    }

    public void setPolicy(String chainName, Policy policy, long packets, long bytes) {
        Chain chain = builtins.get(chainName);
        if (chain == null) {
            throw new NetfilterException(Errno.ENOENT, "built-in chain " + chainName);
        }
        chain.setPolicy(policy, packets, bytes);
    }

    /** Inserts before rule {@code position} (1-based); {@code size + 1} appends. */
    public void insert(String chainName, int position, Rule rule, long packets, long bytes) {
        Chain chain = existing(chainName);
        if (position < 1 || position > chain.size() + 1) {
            throw new NetfilterException(Errno.E2BIG, "index " + position);
        }
        validate(chain, rule);
        chain.add(position - 1, new InstalledRule(rule, packets, bytes));
    }

    public void append(String chainName, Rule rule, long packets, long bytes) {
        insert(chainName, existing(chainName).size() + 1, rule, packets, bytes);
    }

    public void replace(String chainName, int position, Rule rule, long packets, long bytes) {
        Chain chain = existing(chainName);
        if (position < 1 || position > chain.size()) {
            throw new NetfilterException(Errno.E2BIG, "index " + position);
        }
        // The rule being replaced must not count as part of a loop, so check without it.
        InstalledRule old = chain.rule(position - 1);
        chain.remove(position - 1);
        try {
            validate(chain, rule);
        } catch (NetfilterException refused) {
            chain.add(position - 1, old);
            throw refused;
        }
        chain.add(position - 1, new InstalledRule(rule, packets, bytes));
    }

    public void delete(String chainName, int position) {
        Chain chain = existing(chainName);
        if (position < 1 || position > chain.size()) {
            throw new NetfilterException(Errno.E2BIG, "index " + position);
        }
        chain.remove(position - 1);
    }

    /** Deletes the first rule equal to {@code rule}. */
    public void delete(String chainName, Rule rule) {
        Chain chain = existing(chainName);
        for (int i = 0; i < chain.size(); i++) {
            if (chain.rule(i).rule().equals(rule)) {
                chain.remove(i);
                return;
            }
        }
        throw new NetfilterException(Errno.ENOENT, "rule in chain " + chainName);
    }

    /** Flushes one chain, or every chain when {@code chainName} is null. */
    public void flush(String chainName) {
        if (chainName == null) {
            chains().forEach(Chain::clear);
        } else {
            existing(chainName).clear();
        }
    }

    /** Zeroes the counters of one chain, or of every chain when {@code chainName} is null. */
    public void zero(String chainName) {
        if (chainName == null) {
            chains().forEach(Chain::zero);
        } else {
            existing(chainName).zero();
        }
    }

    public Table copy() {
        Table copy = new Table(name);
        builtins.forEach((chainName, chain) -> copy.builtins.put(chainName, chain.copy()));
        userChains.forEach((chainName, chain) -> copy.userChains.put(chainName, chain.copy()));
        return copy;
    }

    private Chain existing(String chainName) {
        return chain(chainName).orElseThrow(() -> new NetfilterException(Errno.ENOENT, "chain " + chainName));
    }

    private void validate(Chain chain, Rule rule) {
        new TargetCheck(name, chain).check(rule.target());
        String destination = rule.jumpsTo();
        if (destination == null) {
            return;
        }
        if (builtins.containsKey(destination)) {
            throw new NetfilterException(Errno.EOPNOTSUPP, "jump to built-in chain " + destination);
        }
        if (!userChains.containsKey(destination)) {
            throw new NetfilterException(Errno.ENOENT, "chain " + destination);
        }
        if (reaches(destination, chain.name())) {
            throw new NetfilterException(Errno.ELOOP, "rule in chain " + chain.name());
        }
    }

    /**
     * nf_tables_check_loops(): walk every chain reachable from {@code from}; reaching the chain
     * the new jump sits in would close a loop.
     */
    private boolean reaches(String from, String target) {
        Deque<String> pending = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (current.equals(target)) {
                return true;
            }
            if (seen.add(current)) {
                chain(current).ifPresent(c -> c.rules().stream()
                        .map(r -> r.rule().jumpsTo()).filter(j -> j != null).forEach(pending::push));
            }
        }
        return false;
    }
}
