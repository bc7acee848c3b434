package org.laymanlabs.sandbox.kube.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.net.dns.Header;
import org.laymanlabs.sandbox.net.dns.Message;
import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.Rcode;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;
import org.laymanlabs.sandbox.net.dns.RrType;

/**
 * Mirrors coredns plugin/cache with kubeadm's {@code cache 30}: answers and denials are kept for
 * their TTL, at most 30 s; SERVFAIL for 5 s. A cached answer goes out with the asker's ID and
 * its TTLs counted down by its age, and with AA set, as item.toMsg sets it. Until it expires a
 * cached answer outlives the Service it names, which is why a deleted Service can still resolve.
 */
final class ResponseCache {

    private static final Duration MAX_TTL = Duration.ofSeconds(30);
    private static final Duration SERVFAIL_TTL = Duration.ofSeconds(5);
    /** The cache's default capacity per kind (success and denial): 9984 entries. */
    private static final int CAPACITY = 9984;

    private record Key(String name, int type) { }

    private record Item(Message response, Instant stored, Duration ttl) { }

    private final Map<Key, Item> items = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Item> eldest) {
            return size() > CAPACITY;
        }
    };

    Optional<Message> get(Message query, Instant now) {
        Question q = query.question().orElseThrow();
        Key key = new Key(q.name().toLowerCase(Locale.ROOT), q.type().value());
        Item item = items.get(key);
        if (item == null) {
            return Optional.empty();
        }
        long age = Duration.between(item.stored(), now).getSeconds();
        if (age >= item.ttl().getSeconds()) {
            items.remove(key);
            return Optional.empty();
        }
        Message r = item.response();
        Header h = r.header();
        Header mine = new Header(query.header().id(), true, h.opcode(), true, false, query.header().recursionDesired(),
                h.recursionAvailable(), h.authenticData(), query.header().checkingDisabled(), h.rcode());
        return Optional.of(new Message(mine, query.questions(), aged(r.answers(), age), aged(r.authority(), age),
                aged(r.additional(), age)));
    }

    void put(Message response, Instant now) {
        Question q = response.question().orElseThrow();
        Duration ttl = ttl(response);
        if (!ttl.isZero()) {
            items.put(new Key(q.name().toLowerCase(Locale.ROOT), q.type().value()), new Item(response, now, ttl));
        }
    }

    /** The smallest TTL of the response's records (the SOA's minimum for a denial), capped at 30 s. */
    private static Duration ttl(Message response) {
        if (response.rcode() == Rcode.SERVFAIL) {
            return SERVFAIL_TTL;
        }
        if (response.rcode() != Rcode.NOERROR && response.rcode() != Rcode.NXDOMAIN) {
            return Duration.ZERO;
        }
        long min = java.util.stream.Stream.of(response.answers(), response.authority())
                .flatMap(List::stream).mapToLong(ResourceRecord::ttl).min().orElse(MAX_TTL.getSeconds());
        return Duration.ofSeconds(Math.min(min, MAX_TTL.getSeconds()));
    }

    private static List<ResourceRecord> aged(List<ResourceRecord> records, long age) {
        return records.stream().map(r -> r.type().equals(RrType.OPT) ? r
                : new ResourceRecord(r.name(), r.type(), r.dnsClass(), Math.max(0, r.ttl() - age), r.data())).toList();
    }
}
