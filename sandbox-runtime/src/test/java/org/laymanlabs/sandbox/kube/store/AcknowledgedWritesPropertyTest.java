package org.laymanlabs.sandbox.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyRange;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.MvccStore;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A property in plain JUnit: whatever members fail, are cut off or come back, every write the
 * cluster acknowledged is in the final history at the revision it was acknowledged with, writes
 * acknowledged one after another keep that order, and all members end with the same store.
 */
class AcknowledgedWritesPropertyTest {

    private static final List<String> KEYS = List.of("/k/a", "/k/b", "/k/c", "/k/d");
    private static final List<String> NAMES = List.of("etcd-0", "etcd-1", "etcd-2");

    /** A write as the client saw it: what it asked, when it asked, and what it was told. */
    private static final class Write {
        final String key;
        final String value; // null for a delete
        final int issuedAfterAcks;
        long revision = -1;
        long deleted;
        int ackOrder = -1;

        Write(String key, String value, int issuedAfterAcks) {
            this.key = key;
            this.value = value;
            this.issuedAfterAcks = issuedAfterAcks;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void noAcknowledgedWriteIsEverLostOrReordered(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        EtcdCluster cluster = EtcdCluster.start(clock, new SplittableRandom(random.nextLong()));
        List<Write> writes = new ArrayList<>();
        int[] acks = {0};

        for (int step = 0; step < 250; step++) {
            int dice = random.nextInt(100);
            if (dice < 55) {
                issue(cluster, random, writes, acks);
            } else if (dice < 65) {
                cluster.stop(NAMES.get(random.nextInt(3)));
            } else if (dice < 80) {
                cluster.start(NAMES.get(random.nextInt(3)));
            } else if (dice < 85) {
                cluster.isolate(NAMES.get(random.nextInt(3)));
            } else if (dice < 92) {
                cluster.heal();
            }
            clock.advance(Duration.ofMillis(random.nextInt(400)));
        }
        cluster.heal();
        NAMES.forEach(cluster::start);
        cluster.runUntil(() -> converged(cluster) && writes.stream().allMatch(w -> w.ackOrder >= 0 || w.revision == -2),
                Duration.ofSeconds(30));

        assertThat(converged(cluster)).as("all members apply the same history").isTrue();
        List<Event> history = history(cluster.memberNamed("etcd-0").store());
        Map<Long, List<Event>> byRevision = new HashMap<>();
        history.forEach(e -> byRevision.computeIfAbsent(e.kv().modRevision(), r -> new ArrayList<>()).add(e));
        List<Write> acknowledged = writes.stream().filter(w -> w.ackOrder >= 0).toList();
        assertThat(acknowledged).as("the run exercised the cluster").hasSizeGreaterThan(20);
        for (Write write : acknowledged) {
            if (write.value != null) {
                assertThat(byRevision.get(write.revision)).as("put %s=%s at %d", write.key, write.value, write.revision)
                        .singleElement().satisfies(e -> {
                            assertThat(e.type()).isEqualTo(Event.Type.PUT);
                            assertThat(e.kv().key()).isEqualTo(write.key);
                            assertThat(e.kv().value()).isEqualTo(write.value);
                        });
            } else if (write.deleted > 0) {
                assertThat(byRevision.get(write.revision)).as("delete %s at %d", write.key, write.revision)
                        .singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(Event.Type.DELETE));
            }
        }
        for (Write later : acknowledged) {
            for (Write earlier : acknowledged) {
                if (earlier.ackOrder < later.issuedAfterAcks && changed(earlier) && changed(later)) {
                    assertThat(earlier.revision).as("acknowledged before the other was sent").isLessThan(later.revision);
                }
            }
        }
    }

    private static boolean changed(Write write) {
        return write.value != null || write.deleted > 0;
    }

    private static void issue(EtcdCluster cluster, SplittableRandom random, List<Write> writes, int[] acks) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        EtcdClient client = cluster.client(List.of(cluster.members().get(random.nextInt(3)).clientUrl(),
                cluster.members().get(random.nextInt(3)).clientUrl()));
        if (random.nextInt(4) == 0) {
            Write write = new Write(key, null, acks[0]);
            writes.add(write);
            client.delete(key).whenDone(call -> record(write, call, acks, () -> {
                write.revision = call.get().revision();
                write.deleted = call.get().deleted();
            }));
        } else {
            Write write = new Write(key, "v" + writes.size(), acks[0]);
            writes.add(write);
            client.put(key, write.value).whenDone(call -> record(write, call, acks,
                    () -> write.revision = call.get().revision()));
        }
    }

    private static void record(Write write, Call<?> call, int[] acks, Runnable onSuccess) {
        if (call.succeeded()) {
            onSuccess.run();
            write.ackOrder = acks[0]++;
        } else {
            write.revision = -2;
        }
    }

    private static boolean converged(EtcdCluster cluster) {
        List<MemberView> members = cluster.members();
        if (!members.stream().allMatch(MemberView::running) || cluster.leader().isEmpty()) {
            return false;
        }
        Set<List<KeyValue>> contents = new java.util.HashSet<>();
        for (String name : NAMES) {
            contents.add(cluster.memberNamed(name).store().range(RangeRequest.prefix("/")).kvs());
        }
        return contents.size() == 1 && members.stream().map(MemberView::appliedIndex).distinct().count() == 1;
    }

    private static List<Event> history(MvccStore store) {
        List<Event> events = new ArrayList<>();
        store.watch(new KeyRange(KeyRange.FROM_KEY, KeyRange.FROM_KEY), 1, false, events::addAll).cancel();
        return events;
    }
}
