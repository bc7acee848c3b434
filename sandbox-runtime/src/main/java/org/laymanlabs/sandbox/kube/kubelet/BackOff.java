package org.laymanlabs.sandbox.kube.kubelet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.laymanlabs.sandbox.time.TimeSource;

/**
 * Mirrors client-go util/flowcontrol/backoff.go as the kubelet uses it for crashing containers
 * and failing pulls (10 s initial, 300 s cap): each failure doubles an item's delay, and an item
 * that has been quiet for twice the cap starts again from the initial delay. Jitter is zero, as
 * the kubelet configures it.
 */
final class BackOff {

    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    private record Entry(Duration backoff, Instant lastUpdate) { }

    private final TimeSource clock;
    private final Map<String, Entry> entries = new HashMap<>();

    BackOff(TimeSource clock) {
        this.clock = clock;
    }

    /** Next: the item failed at {@code eventTime}; its delay doubles, or starts again after a quiet spell. */
    void next(String id, Instant eventTime) {
        Entry entry = entries.get(id);
        Duration backoff = entry == null || expired(eventTime, entry.lastUpdate()) ? INITIAL
                : min(entry.backoff().multipliedBy(2), MAX);
        entries.put(id, new Entry(backoff, clock.get()));
    }

    /** IsInBackOffSince: whether less than the item's delay has passed since {@code eventTime}. */
    boolean inBackOffSince(String id, Instant eventTime) {
        Entry entry = entries.get(id);
        if (entry == null || expired(eventTime, entry.lastUpdate())) {
            return false;
        }
        return Duration.between(eventTime, clock.get()).compareTo(entry.backoff()) < 0;
    }

    /** IsInBackOffSinceUpdate: whether less than the item's delay has passed since it last failed. */
    boolean inBackOffSinceUpdate(String id) {
        Entry entry = entries.get(id);
        if (entry == null || expired(clock.get(), entry.lastUpdate())) {
            return false;
        }
        return Duration.between(entry.lastUpdate(), clock.get()).compareTo(entry.backoff()) < 0;
    }

    /** The item's current delay (zero if it has none). */
    Duration get(String id) {
        Entry entry = entries.get(id);
        return entry == null ? Duration.ZERO : entry.backoff();
    }

    /** When the item's last update stops holding it back. */
    Instant until(String id, Instant since) {
        return since.plus(get(id));
    }

    Instant lastUpdate(String id) {
        Entry entry = entries.get(id);
        return entry == null ? clock.get() : entry.lastUpdate();
    }

    void reset(String id) {
        entries.remove(id);
    }

    private static boolean expired(Instant eventTime, Instant lastUpdate) {
        return Duration.between(lastUpdate, eventTime).compareTo(MAX.multipliedBy(2)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** Go's time.Duration.String: "10s", "1m20s", "5m0s", "1.215s", "800ms". */
    static String go(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            return nanos % 1_000_000 == 0 ? nanos / 1_000_000 + "ms" : trim(nanos / 1e6) + "ms";
        }
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        String seconds = trim(d.toSecondsPart() + d.toNanosPart() / 1e9) + "s";
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    private static String trim(double value) {
        String text = new java.math.BigDecimal(value).setScale(9, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return text;
    }
}
