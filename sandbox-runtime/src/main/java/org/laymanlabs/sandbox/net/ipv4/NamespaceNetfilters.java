package org.laymanlabs.sandbox.net.ipv4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.Packet;
import org.laymanlabs.sandbox.net.netfilter.TraceEntry;
import org.laymanlabs.sandbox.net.netfilter.Verdict;
import org.laymanlabs.sandbox.net.trace.TraceEvent;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Each namespace's netfilter (its tables, conntrack and recent lists), and the glue that hands
 * a packet in flight to it at every hook, as NF_HOOK hands the skb to nf_hook_slow.
 */
public final class NamespaceNetfilters implements Function<NetworkNamespace, NetfilterHooks> {

    private int maxRules = Integer.MAX_VALUE;

    /** In order of first use: a namespace has no hash of its own, so a hash table would list them by identity. */
    private final Map<NetworkNamespace, Netfilter> tables = new LinkedHashMap<>();
    private final VirtualClock clock;
    private final RandomGenerator random;

    public NamespaceNetfilters(VirtualClock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** The namespace's netfilter, created empty (every policy ACCEPT) on first use. */
    /** Caps the rules of each namespace's tables from now on (SandboxLimits' iptablesRules). */
    public void limitRules(int count) {
        this.maxRules = count;
        tables.values().forEach(t -> t.limitRules(count));
    }

    public Netfilter of(NetworkNamespace ns) {
        return tables.computeIfAbsent(ns, n -> {
            Netfilter netfilter = new Netfilter(clock, random);
            netfilter.limitRules(maxRules);
            return netfilter;
        });
    }

    /** Drops a deleted namespace's tables and connections. */
    public void forget(NetworkNamespace ns) {
        tables.remove(ns);
    }

    @Override
    public NetfilterHooks apply(NetworkNamespace ns) {
        return (hook, n, skb) -> run(ns, hook, skb);
    }

    private HookResult run(NetworkNamespace ns, Hook hook, Skb skb) {
        Link out = skb.outDevice();
        Packet packet = new Packet(skb.header(), skb.inDevice() == null ? "" : skb.inDevice().name(),
                out == null ? "" : out.name(), out == null ? null : primaryAddress(out),
                skb.mark(), localAddresses(ns), skb.length(), skb.conntrack(), skb.replyDirection(), skb.related());
        org.laymanlabs.sandbox.net.netfilter.HookResult result = of(ns).hook(hook, packet);
        Packet after = result.packet();
        skb.rewrite(after.header());
        skb.setMark(after.mark());
        skb.attach(after.conntrack(), after.replyDirection(), after.related(), after.ctState());
        List<TraceEvent.RuleHit> hits = result.trace().stream().map(NamespaceNetfilters::hit).toList();
        return new HookResult(verdict(result.verdict(), result.trace()), hits);
    }

    private static HookVerdict verdict(Verdict verdict, List<TraceEntry> trace) {
        String where = trace.isEmpty() ? "" : describe(trace.get(trace.size() - 1));
        if (verdict instanceof Verdict.Reject reject) {
            return new HookVerdict.Reject(reject.with(), "REJECT --reject-with " + reject.with().keyword()
                    + (where.isEmpty() ? "" : " in " + where));
        }
        if (verdict instanceof Verdict.Drop) {
            return new HookVerdict.Drop(where.isEmpty() ? "dropped" : "dropped by " + where);
        }
        return HookVerdict.ACCEPT;
    }

    private static String describe(TraceEntry entry) {
        return entry.table().keyword() + " " + entry.chain() + (entry.isRule() ? " rule " + entry.ruleNumber() : " policy");
    }

    private static TraceEvent.RuleHit hit(TraceEntry entry) {
        return new TraceEvent.RuleHit(entry.table().keyword(), entry.chain(), entry.ruleNumber(), entry.rule(),
                entry.verdict());
    }

    private static Ipv4Address primaryAddress(Link link) {
        return link.addresses().stream().map(InterfaceAddress::ip).findFirst().orElse(null);
    }

    private static Set<Ipv4Address> localAddresses(NetworkNamespace ns) {
        return ns.assignedAddresses();
    }
}
