package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The netfilter state of one network namespace: four tables, conntrack, and the recent lists,
 * and the hook entry point the network model calls for each packet (nf_hook_slow() walking the
 * hook's registered functions in priority order: raw, conntrack, mangle, DNAT, filter, SNAT,
 * confirm). Time comes from the sandbox clock; {@code statistic --mode random} from the
 * sandbox's seeded random source.
 */
public final class Netfilter {

    private final VirtualClock clock;
    private final RandomGenerator random;
    private final Map<TableName, Table> tables = new EnumMap<>(TableName.class);
    private final Set<TableName> present = EnumSet.noneOf(TableName.class);
    private final Conntrack conntrack = new Conntrack();
    private final Map<String, RecentList> recentLists = new HashMap<>();
    /** The stages of each hook, worked out once per set of present tables rather than per packet. */
    private final Map<Hook, List<Stage>> stages = new EnumMap<>(Hook.class);
    private int maxRules = Integer.MAX_VALUE;

    public Netfilter(VirtualClock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        for (TableName name : TableName.values()) {
            tables.put(name, new Table(name));
        }
    }

    /** The live table. Change it only through {@link #commit} with a changed {@link Table#copy()}. */
    public Table table(TableName name) {
        return tables.get(name);
    }

    /** Caps the rules of all tables together (SandboxLimits' iptablesRules), as the kernel's memory would. */
    public void limitRules(int count) {
        this.maxRules = count;
    }

    /** Whether the tables would stay within their cap with {@code table} swapped in; iptables refuses the commit if not. */
    public boolean fits(Table table) {
        long others = tables.values().stream().filter(t -> t.name() != table.name()).mapToLong(Netfilter::ruleCount).sum();
        return others + ruleCount(table) <= maxRules;
    }

    private static long ruleCount(Table table) {
        return table.chains().stream().mapToLong(c -> c.rules().size()).sum();
    }

    /** Swaps in a whole table at once, as a commit of iptables does. */
    public void commit(Table table) {
        tables.put(table.name(), table);
        if (present.add(table.name())) {
            stages.clear();
        }
    }

    /** Tables that exist in the kernel because something wrote to them, in iptables-save's order. */
    public List<TableName> presentTables() {
        return List.of(TableName.MANGLE, TableName.RAW, TableName.FILTER, TableName.NAT).stream()
                .filter(present::contains).toList();
    }

    public Conntrack conntrack() {
        return conntrack;
    }

    public VirtualClock clock() {
        return clock;
    }

    RandomGenerator random() {
        return random;
    }

    /** A recent list by name (/proc/net/xt_recent/NAME), created on first use. */
    public RecentList recentList(String name) {
        return recentLists.computeIfAbsent(name, n -> new RecentList());
    }

    /**
     * Runs {@code packet} through every table registered at {@code hook}. Pass the packet from
     * the result to the next hook of the same packet's path, so that its conntrack entry travels
     * with it (as skb->_nfct does).
     */
    public HookResult hook(Hook hook, Packet packet) {
        List<TraceEntry> trace = new ArrayList<>();
        Packet current = packet;
        for (Stage stage : stages.computeIfAbsent(hook, this::stagesAt)) {
            HookResult step = stage.run(this, hook, current, trace);
            current = step.packet();
            if (!step.accepted()) {
                return new HookResult(step.verdict(), current, trace);
            }
        }
        return new HookResult(Verdict.ACCEPT, current, trace);
    }

    boolean isPresent(TableName name) {
        return present.contains(name);
    }

    private List<Stage> stagesAt(Hook hook) {
        List<Stage> stages = new ArrayList<>();
        for (TableName name : present) {
            if (name != TableName.NAT && name.hooks().contains(hook)) {
                stages.add(new Stage.Filter(name, name.priorityAt(hook)));
            }
        }
        if (TableName.NAT.hooks().contains(hook)) {
            stages.add(new Stage.Nat(TableName.NAT.priorityAt(hook)));
        }
        if (hook.entersConntrack()) {
            stages.add(new Stage.ConntrackIn());
        }
        if (hook.confirmsConntrack()) {
            stages.add(new Stage.Confirm());
        }
        stages.sort(Comparator.comparingInt(Stage::priority));
        return List.copyOf(stages);
    }
}
