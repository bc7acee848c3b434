package org.laymanlabs.sandbox.net.netfilter;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The four iptables tables the sandbox models, with their built-in chains and hook priorities
 * as iptables-nft registers them (iptables/nft.c, xtables_ipv4; include/uapi/linux/netfilter_ipv4.h).
 */
public enum TableName {
    RAW(-300, EnumSet.of(Hook.PREROUTING, Hook.OUTPUT)),
    MANGLE(-150, EnumSet.allOf(Hook.class)),
    NAT(-100, EnumSet.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING)),
    FILTER(0, EnumSet.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT));

    /** values() clones its array on every call; a restore asks once per line. */
    private static final TableName[] ALL = values();

    private final int priority;
    private final Set<Hook> hooks;
    private final String keyword;

    TableName(int priority, Set<Hook> hooks) {
        this.priority = priority;
        this.hooks = hooks;
        this.keyword = name().toLowerCase(Locale.ROOT);
    }

    public String keyword() {
        return keyword;
    }

    public Set<Hook> hooks() {
        return EnumSet.copyOf(hooks);
    }

    /** Built-in chains in hook order, as iptables-save lists them. */
    public List<Hook> builtinChains() {
        return List.copyOf(hooks);
    }

    /**
     * The table's priority at a hook. NAT is split: destination NAT runs at -100
     * (NF_IP_PRI_NAT_DST), source NAT at +100 (NF_IP_PRI_NAT_SRC), after filter.
     */
    int priorityAt(Hook hook) {
        if (this == NAT && !hook.rewritesDestination()) {
            return 100;
        }
        return priority;
    }

    public static Optional<TableName> fromKeyword(String text) {
        for (TableName table : ALL) {
            if (table.keyword.equals(text)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
