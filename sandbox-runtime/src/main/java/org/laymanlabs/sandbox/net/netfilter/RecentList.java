package org.laymanlabs.sandbox.net.netfilter;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.net.Ipv4Address;

/**
 * One named list of the recent match, as /proc/net/xt_recent/NAME shows it: per address, the
 * times of its last packets (at most ip_pkt_list_tot = 20). Mirrors recent_mt() in
 * net/netfilter/xt_recent.c; time comes from the sandbox clock.
 */
public final class RecentList {

    static final int STAMPS_PER_ENTRY = 20;

    private final Map<Ipv4Address, Deque<Instant>> entries = new LinkedHashMap<>();

    /** Runs one rule's recent match against {@code address}; true when it matches (before inversion). */
    boolean apply(RecentMatch rule, Ipv4Address address, Instant now) {
        Deque<Instant> stamps = entries.get(address);
        if (stamps == null) {
            if (rule.command() != RecentMatch.Command.SET) {
                return false;
            }
            record(address, now);
            return true;
        }
        return switch (rule.command()) {
            case SET -> {
                record(address, now);
                yield true;
            }
            case REMOVE -> {
                entries.remove(address);
                yield true;
            }
            case RCHECK, UPDATE -> check(rule, address, stamps, now);
        };
    }

    private boolean check(RecentMatch rule, Ipv4Address address, Deque<Instant> stamps, Instant now) {
        Instant since = rule.windowStart(now);
        long hits = stamps.stream().filter(stamp -> rule.seconds() == 0 || !stamp.isBefore(since)).count();
        boolean hit = hits > 0 && hits >= rule.hitCount();
        if (rule.reap()) {
            reapOthers(address, since);
        }
        if (hit && rule.command() == RecentMatch.Command.UPDATE) {
            record(address, now);
        }
        return hit;
    }

    /** --reap forgets addresses last seen before the window (recent_entry_reap). */
    private void reapOthers(Ipv4Address working, Instant since) {
        entries.entrySet().removeIf(e -> !e.getKey().equals(working) && e.getValue().peekLast().isBefore(since));
    }

    private void record(Ipv4Address address, Instant now) {
        Deque<Instant> stamps = entries.computeIfAbsent(address, a -> new ArrayDeque<>());
        if (stamps.size() == STAMPS_PER_ENTRY) {
            stamps.removeFirst();
        }
        stamps.addLast(now);
    }

    /** The addresses in the list, oldest first. */
    public List<Ipv4Address> addresses() {
        return List.copyOf(entries.keySet());
    }
}
