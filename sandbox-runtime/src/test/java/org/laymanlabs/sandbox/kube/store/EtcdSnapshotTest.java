package org.laymanlabs.sandbox.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.time.VirtualClock;

/** etcd's snapshots and Raft log compaction (server.go triggerSnapshot, Raft paper §7) in a three-member cluster. */
@DisplayName("Raft paper §7 in etcd: members snapshot and compact their logs; a member left behind gets a snapshot")
class EtcdSnapshotTest {

    private static final long SNAPSHOT_COUNT = 20;
    private static final long CATCH_UP = 5;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private EtcdCluster cluster;
    private EtcdClient client;

    @BeforeEach
    void start() {
        cluster = EtcdCluster.start(clock, new SplittableRandom(42),
                EtcdClusterSpec.threeMembers().withSnapshotCount(SNAPSHOT_COUNT, CATCH_UP));
        client = cluster.client();
        cluster.runUntil(() -> cluster.leader().isPresent(), Duration.ofSeconds(3));
        cluster.runUntil(() -> false, Duration.ofSeconds(1));
    }

    private String follower() {
        return cluster.members().stream().filter(m -> !m.isLeader()).map(MemberView::name).findFirst().orElseThrow();
    }

    private List<KeyValue> everything(String member) {
        return cluster.memberNamed(member).store().range(RangeRequest.prefix("/")).kvs();
    }

    @Test
    @DisplayName("§7 past --snapshot-count applied entries a member snapshots and keeps only the catch-up entries before it")
    void aMemberCompactsItsLogKeepingTheCatchUpEntries() {
        for (int i = 0; i < 50; i++) {
            cluster.await(client.put("/k/" + i, "v" + i));
        }
        for (EtcdMember member : cluster.memberList()) {
            long snapshot = member.storage().snapshot().index();
            assertThat(snapshot).isGreaterThan(SNAPSHOT_COUNT);
            assertThat(member.storage().offset()).isEqualTo(snapshot - CATCH_UP);
            assertThat(member.storage().lastIndex() - member.storage().offset()).isLessThanOrEqualTo(SNAPSHOT_COUNT + CATCH_UP + 1);
        }
        assertThat(cluster.memberNamed(follower()).store().range(RangeRequest.key("/k/0")).kvs())
                .extracting(KeyValue::value).containsExactly("v0");
    }

    @Test
    @DisplayName("§7 a member stopped past the compacted log restarts, gets the leader's snapshot and ends with the same keys and revisions")
    void aMemberBehindTheCompactedLogIsRestoredFromASnapshot() {
        String behind = follower();
        List<Event> seen = new ArrayList<>();
        EtcdClient viaBehind = cluster.client(List.of(cluster.member(behind).clientUrl(),
                cluster.leader().orElseThrow().clientUrl()));
        viaBehind.watch(WatchRequest.prefix("/k/"), response -> seen.addAll(response.events()));
        cluster.await(client.put("/k/before", "1"));
        long stoppedAt = cluster.member(behind).logLength();
        cluster.stop(behind);

        for (int i = 0; i < 60; i++) {
            cluster.await(client.put("/k/" + i, "v" + i));
        }
        cluster.await(client.delete("/k/3"));
        EtcdMember leader = cluster.memberNamed(cluster.leader().orElseThrow().name());
        assertThat(leader.storage().offset()).as("the leader no longer has the entries after the stopped member's log")
                .isGreaterThan(stoppedAt);

        cluster.start(behind);
        cluster.runUntil(() -> cluster.member(behind).appliedIndex() == cluster.leader().orElseThrow().appliedIndex(),
                Duration.ofSeconds(5));
        cluster.await(client.put("/k/after", "2"));
        cluster.runUntil(() -> false, Duration.ofSeconds(1));

        EtcdMember restored = cluster.memberNamed(behind);
        assertThat(restored.storage().snapshot().index()).as("restored from a snapshot").isGreaterThan(stoppedAt);
        assertThat(everything(behind)).isEqualTo(everything(leader.spec().name()));
        assertThat(restored.store().currentRevision()).isEqualTo(leader.store().currentRevision());
        assertThat(cluster.member(behind).appliedIndex()).isEqualTo(cluster.leader().orElseThrow().appliedIndex());

        // The watch moved to the leader while its member was down and lost nothing.
        assertThat(seen).extracting(e -> e.kv().key()).hasSize(63)
                .startsWith("/k/before", "/k/0").endsWith("/k/59", "/k/3", "/k/after");
        assertThat(seen).extracting(e -> e.kv().modRevision()).doesNotHaveDuplicates().isSorted();
        // The restored member serves the same history from the snapshot to a new watch.
        List<Event> replayed = new ArrayList<>();
        cluster.client(List.of(cluster.member(behind).clientUrl()))
                .watch(WatchRequest.prefix("/k/").fromRevision(2),
                        response -> replayed.addAll(response.events()));
        cluster.runUntil(() -> replayed.size() >= 63, Duration.ofSeconds(1));
        assertThat(replayed).isEqualTo(seen);
    }
}
