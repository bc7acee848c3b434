package org.laymanlabs.sandbox.kube.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.raft.Role;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("a three-member etcd cluster")
class EtcdClusterTest {

    private static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(1);

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private EtcdCluster cluster;
    private EtcdClient client;

    @BeforeEach
    void startAndElectALeader() {
        cluster = EtcdCluster.start(clock, new SplittableRandom(42));
        client = cluster.client();
        assertThat(cluster.runUntil(() -> cluster.leader().isPresent(), ELECTION_TIMEOUT.multipliedBy(3))).isTrue();
        cluster.runUntil(() -> false, Duration.ofSeconds(1));
    }

    private String leaderName() {
        return cluster.leader().orElseThrow().name();
    }

    private List<String> followers() {
        return cluster.members().stream().filter(m -> !m.isLeader()).map(MemberView::name).toList();
    }

    private String valueOn(String member, String key) {
        List<KeyValue> kvs = cluster.memberNamed(member).store().range(RangeRequest.key(key)).kvs();
        return kvs.isEmpty() ? null : kvs.get(0).value();
    }

    @Test
    void bootsLikeEtcdWithTheMembersConfChangesThenOneLeaderInTermTwoThatPublishesEveryMember() {
        List<MemberView> members = cluster.members();
        assertThat(members).extracting(MemberView::name).containsExactly("etcd-0", "etcd-1", "etcd-2");
        assertThat(members).filteredOn(MemberView::isLeader).hasSize(1);
        assertThat(members).allSatisfy(m -> {
            assertThat(m.term()).isEqualTo(2);
            assertThat(m.leader()).contains(leaderName());
            // 3 ConfChanges, the leader's empty entry, 3 publishes and the cluster version.
            assertThat(m.commitIndex()).isEqualTo(8);
            assertThat(m.appliedIndex()).isEqualTo(8);
        });
        assertThat(cluster.await(client.memberList())).extracting(MemberInfo::status).containsOnly("started");
    }

    @Test
    void aWriteReturnsOnceCommittedAndEveryMemberAppliesIt() {
        long revision = cluster.await(client.put("/registry/pods/default/web", "v1")).revision();

        assertThat(revision).isEqualTo(2);
        cluster.runUntil(() -> false, Duration.ofMillis(200));
        for (MemberView member : cluster.members()) {
            assertThat(valueOn(member.name(), "/registry/pods/default/web")).as(member.name()).isEqualTo("v1");
        }
        assertThat(cluster.await(client.get("/registry/pods/default/web")).kvs())
                .containsExactly(new KeyValue("/registry/pods/default/web", "v1", 2, 2, 1));
    }

    @Nested
    @DisplayName("when the leader is killed")
    class LeaderKilled {

        @Test
        void theOthersElectANewLeaderWithinAFewElectionTimeoutsAndLoseNoCommittedWrite() {
            for (int i = 0; i < 5; i++) {
                cluster.await(client.put("/k/" + i, "v" + i));
            }
            String old = leaderName();
            Instant killedAt = clock.now();

            cluster.stop(old);

            assertThat(cluster.runUntil(() -> cluster.leader().isPresent(), ELECTION_TIMEOUT.multipliedBy(3))).isTrue();
            assertThat(Duration.between(killedAt, clock.now())).isLessThanOrEqualTo(ELECTION_TIMEOUT.multipliedBy(3));
            assertThat(leaderName()).isNotEqualTo(old);
            assertThat(cluster.leader().orElseThrow().term()).isGreaterThan(2);
            assertThat(cluster.await(client.range(RangeRequest.prefix("/k/"))).kvs())
                    .extracting(KeyValue::value).containsExactly("v0", "v1", "v2", "v3", "v4");
            assertThat(cluster.await(client.put("/k/after", "x")).revision()).isEqualTo(7);
        }

        @Test
        void aWatchCarriesOnFromAnotherMemberWithoutLosingOrRepeatingAnEvent() {
            List<Event> seen = new ArrayList<>();
            EtcdClient viaLeader = cluster.client(List.of(cluster.leader().orElseThrow().clientUrl(),
                    cluster.member(followers().get(0)).clientUrl()));
            viaLeader.watch(WatchRequest.prefix("/w/"), response -> seen.addAll(response.events()));
            cluster.await(client.put("/w/1", "a"));

            cluster.stop(leaderName());
            cluster.runUntil(() -> cluster.leader().isPresent(), ELECTION_TIMEOUT.multipliedBy(3));
            cluster.await(client.put("/w/2", "b"));
            cluster.await(client.put("/w/3", "c"));
            cluster.runUntil(() -> seen.size() == 3, Duration.ofSeconds(5));

            assertThat(seen).extracting(e -> e.kv().value()).containsExactly("a", "b", "c");
        }
    }

    @Nested
    @DisplayName("when the leader is cut off in a minority")
    class MinorityLeader {

        @Test
        void itCannotCommitTheMajorityElectsAnotherAndItsWriteIsDiscardedOnHealing() {
            String old = leaderName();
            EtcdClient viaOldLeader = cluster.client(List.of(cluster.member(old).clientUrl()));
            cluster.isolate(old);

            Call<?> stranded = viaOldLeader.put("/stranded", "lost");
            assertThatThrownBy(() -> cluster.await(stranded)).hasMessage("etcdserver: request timed out");
            String elected = cluster.members().stream()
                    .filter(m -> m.isLeader() && !m.name().equals(old)).findFirst().orElseThrow().name();
            assertThat(cluster.member(old).isLeader()).as("check-quorum made it step down").isFalse();

            EtcdClient viaMajority = cluster.client(List.of(cluster.member(elected).clientUrl()));
            cluster.await(viaMajority.put("/committed", "kept"));
            cluster.heal();
            cluster.runUntil(() -> false, Duration.ofSeconds(2));

            for (MemberView member : cluster.members()) {
                assertThat(valueOn(member.name(), "/stranded")).as(member.name()).isNull();
                assertThat(valueOn(member.name(), "/committed")).as(member.name()).isEqualTo("kept");
            }
            assertThat(cluster.members()).filteredOn(MemberView::isLeader).extracting(MemberView::name).containsExactly(elected);
        }
    }

    @Test
    void aStoppedMemberRestartsFromItsDiskAndCatchesUp() {
        String follower = followers().get(0);
        cluster.await(client.put("/before", "1"));
        cluster.stop(follower);
        for (int i = 0; i < 20; i++) {
            cluster.await(client.put("/while-down/" + i, "x"));
        }
        assertThat(cluster.member(follower).running()).isFalse();
        assertThat(valueOn(follower, "/while-down/19")).isNull();

        cluster.start(follower);
        cluster.runUntil(() -> "x".equals(valueOn(follower, "/while-down/19")), Duration.ofSeconds(3));

        MemberView restarted = cluster.member(follower);
        MemberView leader = cluster.leader().orElseThrow();
        assertThat(restarted.running()).isTrue();
        assertThat(restarted.appliedIndex()).isEqualTo(leader.appliedIndex());
        assertThat(restarted.revision()).isEqualTo(leader.revision());
        assertThat(valueOn(follower, "/before")).isEqualTo("1");
    }

    @Nested
    @DisplayName("with two members down")
    class NoQuorum {

        @BeforeEach
        void stopTwo() {
            cluster.await(client.put("/before", "1"));
            followers().forEach(cluster::stop);
        }

        @Test
        void writesTimeOutInEtcdsWordsAndTheStoreIsUnchanged() {
            long revision = cluster.members().stream().filter(MemberView::running).findFirst().orElseThrow().revision();

            assertThatThrownBy(() -> cluster.await(client.put("/after", "2"))).isInstanceOf(EtcdException.class)
                    .hasMessage("etcdserver: request timed out");

            MemberView survivor = cluster.members().stream().filter(MemberView::running).findFirst().orElseThrow();
            assertThat(survivor.revision()).isEqualTo(revision);
            assertThat(valueOn(survivor.name(), "/after")).isNull();
            assertThat(survivor.isLeader()).as("check-quorum: a leader alone steps down").isFalse();
        }

        @Test
        void linearizableReadsFailButSerializableReadsServeTheLocalCopy() {
            assertThatThrownBy(() -> cluster.await(client.get("/before"))).hasMessage("etcdserver: request timed out");

            assertThat(cluster.await(client.range(RangeRequest.key("/before").withSerializable())).kvs())
                    .extracting(KeyValue::value).containsExactly("1");
        }

        @Test
        void aNewWatchIsRefusedBecauseThereIsNoLeader() {
            cluster.runUntil(() -> false, ELECTION_TIMEOUT.multipliedBy(2));
            List<WatchResponse> responses = new ArrayList<>();
            client.watch(WatchRequest.key("/before"), responses::add);
            assertThat(responses).singleElement().satisfies(r -> {
                assertThat(r.canceled()).isTrue();
                assertThat(r.cancelReason()).contains(EtcdError.NO_LEADER);
            });
        }

        @Test
        void restartingOneMemberRestoresTheQuorumAndWritesSucceedAgain() {
            cluster.members().stream().filter(m -> !m.running()).findFirst().ifPresent(m -> cluster.start(m.name()));
            assertThat(cluster.await(client.put("/after", "2")).revision()).isEqualTo(3);
        }
    }

    @Test
    void compactionReachesEveryMemberAndOldRevisionsThenFailInEtcdsWords() {
        for (int i = 0; i < 5; i++) {
            cluster.await(client.put("/c", "v" + i)); // revisions 2..6
        }
        cluster.await(client.compact(5));

        assertThatThrownBy(() -> cluster.await(client.range(RangeRequest.key("/c").atRevision(4))))
                .hasMessage("etcdserver: mvcc: required revision has been compacted");
        assertThatThrownBy(() -> cluster.await(client.range(RangeRequest.key("/c").atRevision(99))))
                .hasMessage("etcdserver: mvcc: required revision is a future revision");
        cluster.runUntil(() -> false, Duration.ofMillis(200));
        assertThat(cluster.memberList()).allSatisfy(m -> assertThat(m.store().compactRevision()).isEqualTo(5));
    }

    @Test
    void aCompareAndSwapTakesEffectOnlyWhenItsGuardHolds() {
        cluster.await(client.put("/lock", "free"));
        var swap = new org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest(
                List.of(org.laymanlabs.sandbox.kube.store.mvcc.Compare.value("/lock",
                        org.laymanlabs.sandbox.kube.store.mvcc.Compare.Operator.EQUAL, "free")),
                List.of(org.laymanlabs.sandbox.kube.store.mvcc.PutRequest.of("/lock", "held")), List.of());
        assertThat(cluster.await(client.txn(swap)).succeeded()).isTrue();
        assertThat(cluster.await(client.txn(swap)).succeeded()).isFalse();
    }

    @Test
    void membersIdsAndTheClusterIdFollowEtcdsHashes() {
        EtcdCluster single = EtcdCluster.start(clock, new SplittableRandom(1), new EtcdClusterSpec(
                List.of(new MemberSpec("default", "http://localhost:2380", "http://localhost:2379")),
                "etcd-cluster", Duration.ofMillis(100), 10, 1, Duration.ofMillis(1)));
        assertThat(single.members().get(0).hexId()).isEqualTo("8e9e05c52164694d");
        assertThat(Long.toUnsignedString(single.clusterId())).isEqualTo("14841639068965178418");
    }

    @Test
    void partitionsLeaveMembersInNoGroupAlone() {
        cluster.partition(Set.of("etcd-0", "etcd-1"));
        cluster.runUntil(() -> false, ELECTION_TIMEOUT.multipliedBy(4));
        assertThat(cluster.member("etcd-2").role()).isNotEqualTo(java.util.Optional.of(Role.LEADER));
        assertThat(cluster.member("etcd-2").leader()).isEmpty();
    }
}
