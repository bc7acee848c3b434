package org.laymanlabs.sandbox.kube.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.time.VirtualClock;

/** The cacher's ring of events (watch_cache.go, 1.32): its capacity follows eventFreshDuration within its bounds. */
class WatchCacheTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final WatchCache cache = new WatchCache(ApiResources.CONFIG_MAPS, clock);
    private long revision = 1;

    private long write(String name) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default")
                .withResourceVersion(Long.toString(++revision)).endMetadata().build();
        cache.apply("/registry/configmaps/default/" + name, new WatchEvent(WatchEvent.Type.MODIFIED, map, revision));
        return revision;
    }

    @Test
    void untilItDropsAnEventEveryResourceVersionIsServedFromTheRing() {
        for (int i = 0; i < 50; i++) {
            write("m" + i);
        }
        List<WatchEvent> seen = new ArrayList<>();
        cache.watch(1, o -> true, seen::add);
        assertThat(seen).hasSize(50);
        assertThat(cache.capacity()).isEqualTo(WatchCache.LOWER_BOUND_CAPACITY);
    }

    @Test
    void aRingFullOfFreshEventsDoublesUpToItsUpperBound() {
        for (int i = 0; i < 250; i++) {
            write("m" + i);
            clock.advance(Duration.ofMillis(100));
        }
        // 250 events in 25 s: all younger than 75 s, so none was dropped.
        assertThat(cache.capacity()).isEqualTo(400);
        assertThat(cache.eventCount()).isEqualTo(250);
    }

    @Test
    void eventsOlderThanTheFreshDurationGoWhenTheRingIsFullAndItShrinksWhenItsNewestQuarterIsStale() {
        for (int i = 0; i < 400; i++) {
            write("m" + i);
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(cache.capacity()).isEqualTo(400);
        // One write a minute from now on: the ring stays full of ever older events, then halves.
        for (int i = 0; i < 120; i++) {
            clock.advance(Duration.ofMinutes(1));
            write("slow" + i);
        }
        assertThat(cache.capacity()).isEqualTo(WatchCache.LOWER_BOUND_CAPACITY);
        assertThat(cache.eventCount()).isEqualTo(WatchCache.LOWER_BOUND_CAPACITY);
    }

    @Test
    void aWatchFromBeforeTheOldestKeptEventIsGoneInTheApiServersWords() {
        for (int i = 0; i < 150; i++) {
            write("m" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        // 150 events a second apart: the 100-event ring held events older than 75 s, so it dropped the first 50.
        assertThat(cache.capacity()).isEqualTo(WatchCache.LOWER_BOUND_CAPACITY);
        long oldestKept = revision - WatchCache.LOWER_BOUND_CAPACITY + 1;

        assertThatThrownBy(() -> cache.watch(oldestKept - 2, o -> true, e -> { }))
                .isInstanceOf(ApiException.class)
                .hasMessage("too old resource version: " + (oldestKept - 2) + " (" + (oldestKept - 1) + ")")
                .extracting(e -> ((ApiException) e).reason()).isEqualTo(ApiException.Reason.GONE);
        List<WatchEvent> seen = new ArrayList<>();
        cache.watch(oldestKept - 1, o -> true, seen::add);
        assertThat(seen).hasSize(WatchCache.LOWER_BOUND_CAPACITY);
    }
}
