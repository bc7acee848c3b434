package org.laymanlabs.sandbox.net.netfilter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection-tracking table of one network namespace (net/netfilter/nf_conntrack_core.c).
 * A packet's first hook looks it up by tuple, in either direction, or starts an unconfirmed
 * entry; the entry joins the table only when its first packet leaves the last hook accepted
 * (nf_conntrack_confirm), by then with its NAT decided. Expired entries are dropped lazily.
 */
public final class Conntrack {

    /** How often the sweep of expired entries runs, as the kernel's gc_worker runs in the background. */
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Map<Tuple, ConntrackEntry> byTuple = new LinkedHashMap<>();
    private Instant nextSweep = Instant.MIN;

    /** nf_conntrack_in(): attach the packet to its connection, creating one for a new flow. */
    Packet attach(Packet packet, Instant now) {
        sweepIfDue(now);
        if (packet.header().icmpError().isPresent()) {
            return related(packet, now);
        }
        Tuple tuple = packet.header().tuple();
        ConntrackEntry entry = byTuple.get(tuple);
        if (entry != null && entry.expired(now)) {
            // Looked up between sweeps: an expired entry is as good as gone.
            byTuple.remove(entry.original());
            byTuple.remove(entry.reply());
            entry = null;
        }
        if (entry == null) {
            return packet.withConntrack(new ConntrackEntry(tuple, now), false);
        }
        boolean reply = !entry.original().equals(tuple);
        entry.seen(reply, now);
        return packet.withConntrack(entry, reply);
    }

    /**
     * nf_conntrack_inet_error(): an ICMP error belongs to the connection of the packet it quotes.
     * The quoted packet went the other way, so the lookup is by its inverse, and the error travels
     * in the direction of the tuple found. An error about no known connection, or whose outer
     * destination is not that direction's destination (a forged one), gets no entry: INVALID.
     */
    private Packet related(Packet packet, Instant now) {
        Tuple inverse = packet.header().icmpError().orElseThrow().quoted().tuple().inverse();
        ConntrackEntry entry = byTuple.get(inverse);
        if (entry == null || entry.expired(now)) {
            return packet;
        }
        boolean reply = !entry.original().equals(inverse);
        Tuple direction = reply ? entry.reply() : entry.original();
        if (!direction.destination().equals(packet.header().destination())) {
            return packet;
        }
        return packet.relatedTo(entry, reply);
    }

    /** nf_conntrack_confirm(): a new connection's first packet made it through; remember it both ways. */
    void confirm(ConntrackEntry entry) {
        if (entry.confirmed()) {
            return;
        }
        entry.confirm();
        byTuple.putIfAbsent(entry.original(), entry);
        byTuple.putIfAbsent(entry.reply(), entry);
    }

    /** Live connections, oldest first. */
    public List<ConntrackEntry> entries(Instant now) {
        expire(now);
        return byTuple.values().stream().distinct().toList();
    }

    /** What {@code conntrack -L} prints on stdout, one line per connection. */
    public List<String> list(Instant now) {
        List<String> lines = new ArrayList<>();
        for (ConntrackEntry entry : entries(now)) {
            lines.add(entry.describe(now));
        }
        return lines;
    }

    private void expire(Instant now) {
        byTuple.values().removeIf(entry -> entry.expired(now));
        nextSweep = now.plus(SWEEP_INTERVAL);
    }

    /** A full sweep costs a pass over the table, so it runs at most once per second of sandbox time. */
    private void sweepIfDue(Instant now) {
        if (!now.isBefore(nextSweep)) {
            expire(now);
        }
    }
}
