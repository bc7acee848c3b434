package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;

/**
 * No kernel counterpart: ipt_do_table() tries every rule of a chain in turn, and so does a
 * faithful walk, but most of kube-proxy's KUBE-SERVICES rules are ruled out by the packet's
 * destination address or port alone (nf_tables solves the same with its sets and verdict maps).
 * This index sorts a chain's rules into three lists of positions: rules with a plain
 * {@code -d a.b.c.d/32}, by that address; other rules whose first decisive match is a plain
 * {@code -p tcp|udp --dport N}, by protocol and port; and every other rule. A packet's
 * candidates are the three lists it selects, merged back into rule order, so the first matching
 * rule is still the first in the chain. A rule is left out only when the kernel would have
 * found it not to match before evaluating anything with a side effect (statistic's counters and
 * random draws, recent's lists), so every counter, draw and trace stays the same.
 */
final class ChainIndex {

    /** Below this a walk of every rule costs less than the lookups. */
    static final int MIN_RULES = 8;

    private static final int[] NONE = new int[0];

    private final int[] unindexed;
    private final Map<Ipv4Address, int[]> byDestination;
    private final Map<PortKey, int[]> byPort;

    private record PortKey(Protocol protocol, int port) {
    }

    private ChainIndex(int[] unindexed, Map<Ipv4Address, int[]> byDestination, Map<PortKey, int[]> byPort) {
        this.unindexed = unindexed;
        this.byDestination = byDestination;
        this.byPort = byPort;
    }

    static ChainIndex of(List<InstalledRule> rules) {
        List<Integer> unindexed = new ArrayList<>();
        Map<Ipv4Address, List<Integer>> byDestination = new HashMap<>();
        Map<PortKey, List<Integer>> byPort = new HashMap<>();
        boolean index = rules.size() >= MIN_RULES;
        for (int position = 0; position < rules.size(); position++) {
            Rule rule = rules.get(position).rule();
            Ipv4Address destination = index ? destination(rule.ip()) : null;
            PortKey port = index && destination == null ? port(rule) : null;
            if (destination != null) {
                byDestination.computeIfAbsent(destination, d -> new ArrayList<>()).add(position);
            } else if (port != null) {
                byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(position);
            } else {
                unindexed.add(position);
            }
        }
        return new ChainIndex(ints(unindexed), frozen(byDestination), frozen(byPort));
    }

    /** The positions of the rules that may match {@code packet}, in rule order. */
    Candidates candidates(Packet packet) {
        PacketHeader header = packet.header();
        int[] forDestination = byDestination.isEmpty() ? NONE : byDestination.getOrDefault(header.destination(), NONE);
        int[] forPort = byPort.isEmpty() ? NONE
                : byPort.getOrDefault(new PortKey(header.protocol(), header.destinationPort()), NONE);
        return new Candidates(unindexed, forDestination, forPort);
    }

    /** ip_packet_match() compares the masked destination first: a /32 that is not negated names one address. */
    private static Ipv4Address destination(IpMatch ip) {
        if (ip.destination() == null || ip.destinationInverted() || ip.destination().prefixLength() != 32) {
            return null;
        }
        return ip.destination().address();
    }

    /**
     * The tcp or udp match's single, not negated {@code --dport}, when every match before it is
     * free of side effects: then a packet for another port or protocol stops at it, as in the
     * kernel, and nothing it would have touched is touched.
     */
    private static PortKey port(Rule rule) {
        for (Match match : rule.matches()) {
            if (match instanceof PortMatch ports) {
                PortRange range = ports.destinationPorts();
                if (range != null && !ports.destinationInverted() && range.min() == range.max()) {
                    return new PortKey(ports.protocol(), range.min());
                }
            } else if (!(match instanceof CommentMatch || match instanceof AddrTypeMatch || match instanceof MarkMatch
                    || match instanceof ConntrackMatch || match instanceof MultiportMatch)) {
                return null;
            }
        }
        return null;
    }

    private static <K> Map<K, int[]> frozen(Map<K, List<Integer>> lists) {
        if (lists.isEmpty()) {
            return Map.of();
        }
        Map<K, int[]> frozen = new HashMap<>(lists.size() * 2);
        lists.forEach((key, positions) -> frozen.put(key, ints(positions)));
        return frozen;
    }

    /**
     * A new array even when empty: the index is part of the sandbox, and an array every sandbox of
     * the JVM shared ({@link #NONE}) would be a copy of its own in a restored one, while the
     * indexes it builds next would hold the JVM's again.
     */
    private static int[] ints(List<Integer> positions) {
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A merge of three ascending, disjoint lists of rule positions; {@link #next()} gives -1 at the end. */
    static final class Candidates {

        private final int[] first;
        private final int[] second;
        private final int[] third;
        private int a;
        private int b;
        private int c;

        private Candidates(int[] first, int[] second, int[] third) {
            this.first = first;
            this.second = second;
            this.third = third;
        }

        int next() {
            int x = a < first.length ? first[a] : Integer.MAX_VALUE;
            int y = b < second.length ? second[b] : Integer.MAX_VALUE;
            int z = c < third.length ? third[c] : Integer.MAX_VALUE;
            if (x < y && x < z) {
                a++;
                return x;
            } else if (y < z) {
                b++;
                return y;
            } else if (z != Integer.MAX_VALUE) {
                c++;
                return z;
            }
            return -1;
        }
    }
}
