package org.laymanlabs.sandbox.kube.store.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laymanlabs.sandbox.kube.store.mvcc.Compare.Operator.EQUAL;
import static org.laymanlabs.sandbox.kube.store.mvcc.Compare.Operator.GREATER;
import static org.laymanlabs.sandbox.kube.store.mvcc.Compare.Operator.LESS;
import static org.laymanlabs.sandbox.kube.store.mvcc.Compare.Operator.NOT_EQUAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected revisions follow etcd's: a fresh store is at revision 1, so the first write makes 2. */
@DisplayName("MVCC store")
class MvccStoreTest {

    private static final String POD = "/registry/pods/default/web-7d4b9";
    private final MvccStore store = new MvccStore();

    private KeyValue get(String key) {
        List<KeyValue> kvs = store.range(RangeRequest.key(key)).kvs();
        return kvs.isEmpty() ? null : kvs.get(0);
    }

    @Nested
    @DisplayName("revisions and versions")
    class Revisions {

        @Test
        void createUpdateDeleteRecreateTracksCreateModAndVersionLikeEtcd() {
            store.put(PutRequest.of(POD, "v1"));
            assertThat(get(POD)).isEqualTo(new KeyValue(POD, "v1", 2, 2, 1));

            store.put(PutRequest.of(POD, "v2"));
            assertThat(get(POD)).isEqualTo(new KeyValue(POD, "v2", 2, 3, 2));

            DeleteRangeResponse deleted = store.deleteRange(DeleteRangeRequest.key(POD));
            assertThat(deleted.deleted()).isEqualTo(1);
            assertThat(deleted.revision()).isEqualTo(4);
            assertThat(get(POD)).isNull();

            store.put(PutRequest.of(POD, "v3"));
            assertThat(get(POD)).as("a new generation starts at version 1")
                    .isEqualTo(new KeyValue(POD, "v3", 5, 5, 1));
            assertThat(store.currentRevision()).isEqualTo(5);
        }

        @Test
        void readsAtAnOlderRevisionSeeTheValueOfThatTime() {
            store.put(PutRequest.of("a", "1"));
            store.put(PutRequest.of("a", "2"));
            store.deleteRange(DeleteRangeRequest.key("a"));

            assertThat(store.range(RangeRequest.key("a").atRevision(2)).kvs()).extracting(KeyValue::value).containsExactly("1");
            assertThat(store.range(RangeRequest.key("a").atRevision(3)).kvs()).extracting(KeyValue::value).containsExactly("2");
            assertThat(store.range(RangeRequest.key("a").atRevision(4)).kvs()).isEmpty();
            assertThat(store.range(RangeRequest.key("a").atRevision(1)).kvs()).isEmpty();
        }

        @Test
        void deletingAMissingKeyWritesNothingAndKeepsTheRevision() {
            store.put(PutRequest.of("a", "1"));
            DeleteRangeResponse response = store.deleteRange(DeleteRangeRequest.key("nope"));
            assertThat(response.deleted()).isZero();
            assertThat(response.revision()).isEqualTo(2);
            assertThat(store.currentRevision()).isEqualTo(2);
        }

        @Test
        void putReturnsThePreviousKeyValueOnlyWhenAsked() {
            store.put(PutRequest.of("a", "1"));
            assertThat(store.put(PutRequest.of("a", "2")).prevKv()).isEmpty();
            assertThat(store.put(PutRequest.of("a", "3").withPrevKv()).prevKv())
                    .contains(new KeyValue("a", "2", 2, 3, 2));
        }

        @Test
        void aFutureRevisionIsRefusedInEtcdsWords() {
            assertThatThrownBy(() -> store.range(RangeRequest.key("a").atRevision(9)))
                    .isInstanceOf(MvccException.class)
                    .hasMessage("mvcc: required revision is a future revision");
        }
    }

    @Nested
    @DisplayName("ranges")
    class Ranges {

        @Test
        void prefixRangeReturnsKeysInOrderAndCountsBeyondTheLimit() {
            store.put(PutRequest.of("/registry/pods/default/b", "b"));
            store.put(PutRequest.of("/registry/pods/default/a", "a"));
            store.put(PutRequest.of("/registry/pods/kube-system/c", "c"));
            store.put(PutRequest.of("/registry/services/default/k", "k"));

            RangeResponse all = store.range(RangeRequest.prefix("/registry/pods/"));
            assertThat(all.kvs()).extracting(KeyValue::key).containsExactly(
                    "/registry/pods/default/a", "/registry/pods/default/b", "/registry/pods/kube-system/c");
            assertThat(all.count()).isEqualTo(3);
            assertThat(all.more()).isFalse();

            RangeResponse limited = store.range(RangeRequest.prefix("/registry/pods/").withLimit(2));
            assertThat(limited.kvs()).hasSize(2);
            assertThat(limited.count()).isEqualTo(3);
            assertThat(limited.more()).isTrue();
        }

        @Test
        void halfOpenIntervalExcludesItsEnd() {
            List.of("a", "b", "c", "d").forEach(k -> store.put(PutRequest.of(k, k)));
            RangeResponse response = store.range(RangeRequest.of(new KeyRange("b", "d")));
            assertThat(response.kvs()).extracting(KeyValue::key).containsExactly("b", "c");
        }

        @Test
        void keysOnlyDropsValuesAndCountOnlyDropsKeyValues() {
            store.put(PutRequest.of("k1", "secret"));
            assertThat(store.range(RangeRequest.prefix("k").withKeysOnly()).kvs())
                    .containsExactly(new KeyValue("k1", "", 2, 2, 1));
            RangeResponse counted = store.range(RangeRequest.prefix("k").withCountOnly());
            assertThat(counted.kvs()).isEmpty();
            assertThat(counted.count()).isEqualTo(1);
        }

        @Test
        void deleteByPrefixRemovesEveryMatchingKeyInOneRevision() {
            store.put(PutRequest.of("/a/1", "x"));
            store.put(PutRequest.of("/a/2", "y"));
            store.put(PutRequest.of("/b/1", "z"));
            DeleteRangeResponse response = store.deleteRange(DeleteRangeRequest.prefix("/a/").withPrevKv());
            assertThat(response.deleted()).isEqualTo(2);
            assertThat(response.prevKvs()).extracting(KeyValue::value).containsExactly("x", "y");
            assertThat(store.currentRevision()).isEqualTo(5);
            assertThat(store.range(RangeRequest.of(new KeyRange("/", KeyRange.FROM_KEY))).kvs())
                    .extracting(KeyValue::key).containsExactly("/b/1");
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions {

        private TxnResponse compareAndSwap(String expected, String replacement) {
            return store.txn(new TxnRequest(
                    List.of(Compare.value("lock", EQUAL, expected)),
                    List.of(PutRequest.of("lock", replacement)),
                    List.of(RangeRequest.key("lock"))));
        }

        @Test
        void compareAndSwapTakesTheSuccessBranchWhenTheValueMatches() {
            store.put(PutRequest.of("lock", "free"));
            TxnResponse response = compareAndSwap("free", "held");
            assertThat(response.succeeded()).isTrue();
            assertThat(response.revision()).isEqualTo(3);
            assertThat(get("lock").value()).isEqualTo("held");
        }

        @Test
        void compareAndSwapTakesTheFailureBranchAndWritesNothingWhenTheValueDiffers() {
            store.put(PutRequest.of("lock", "held"));
            TxnResponse response = compareAndSwap("free", "mine");
            assertThat(response.succeeded()).isFalse();
            assertThat(response.revision()).isEqualTo(2);
            assertThat(((RangeResponse) response.responses().get(0)).kvs()).extracting(KeyValue::value).containsExactly("held");
            assertThat(get("lock").value()).isEqualTo("held");
        }

        @Test
        void createIfAbsentComparesTheCreateRevisionOfAMissingKeyAsZero() {
            TxnRequest createIfAbsent = new TxnRequest(List.of(Compare.createRevision("k", EQUAL, 0)),
                    List.of(PutRequest.of("k", "first")), List.of());
            assertThat(store.txn(createIfAbsent).succeeded()).isTrue();
            assertThat(store.txn(createIfAbsent).succeeded()).isFalse();
            assertThat(get("k").value()).isEqualTo("first");
        }

        @Test
        void aValueCompareOnAMissingKeyAlwaysFails() {
            TxnRequest request = new TxnRequest(List.of(Compare.value("missing", NOT_EQUAL, "x")), List.of(), List.of());
            assertThat(store.txn(request).succeeded()).isFalse();
        }

        @Test
        void versionAndModRevisionComparesUseLessAndGreater() {
            store.put(PutRequest.of("k", "a"));
            store.put(PutRequest.of("k", "b"));
            assertThat(store.txn(new TxnRequest(List.of(Compare.version("k", GREATER, 1), Compare.modRevision("k", LESS, 4)),
                    List.of(), List.of())).succeeded()).isTrue();
            assertThat(store.txn(new TxnRequest(List.of(Compare.version("k", LESS, 2)), List.of(), List.of())).succeeded()).isFalse();
        }

        @Test
        void allWritesOfATransactionShareOneRevisionAndReadsSeeEarlierWrites() {
            TxnResponse response = store.txn(new TxnRequest(List.of(), List.of(
                    PutRequest.of("x", "1"), PutRequest.of("y", "2"), RangeRequest.prefix("")), List.of()));
            assertThat(response.revision()).isEqualTo(2);
            assertThat(get("x").modRevision()).isEqualTo(2);
            assertThat(get("y").modRevision()).isEqualTo(2);
            assertThat(((RangeResponse) response.responses().get(2)).count()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("watches")
    class Watches {

        private final List<Event> seen = new ArrayList<>();

        @Test
        void watchFromAnOldRevisionReplaysExactlyTheLaterEventsInOrderThenFollowsNewOnes() {
            store.put(PutRequest.of("/p/a", "1"));  // 2
            store.put(PutRequest.of("/q/x", "1"));  // 3
            store.put(PutRequest.of("/p/a", "2"));  // 4
            store.deleteRange(DeleteRangeRequest.key("/p/a")); // 5

            store.watch(KeyRange.prefix("/p/"), 3, true, seen::addAll);
            store.put(PutRequest.of("/p/b", "9")); // 6

            assertThat(seen).containsExactly(
                    new Event(Event.Type.PUT, new KeyValue("/p/a", "2", 2, 4, 2), Optional.of(new KeyValue("/p/a", "1", 2, 2, 1))),
                    new Event(Event.Type.DELETE, new KeyValue("/p/a", "", 0, 5, 0), Optional.of(new KeyValue("/p/a", "2", 2, 4, 2))),
                    new Event(Event.Type.PUT, new KeyValue("/p/b", "9", 6, 6, 1), Optional.empty()));
        }

        @Test
        void watchWithoutARevisionSeesOnlyLaterWrites() {
            store.put(PutRequest.of("k", "old"));
            store.watch(KeyRange.single("k"), 0, false, seen::addAll);
            store.put(PutRequest.of("k", "new"));
            assertThat(seen).extracting(e -> e.kv().value()).containsExactly("new");
        }

        @Test
        void aCancelledWatcherIsForgottenAndSeesNothingMore() {
            Watcher watcher = store.watch(KeyRange.single("k"), 0, false, seen::addAll);
            watcher.cancel();
            store.put(PutRequest.of("k", "v"));
            assertThat(seen).isEmpty();
            assertThat(store.watcherCount()).isZero();
        }
    }

    @Nested
    @DisplayName("compaction")
    class Compaction {

        @Test
        void compactionFreesOldVersionsAndRefusesReadsAndWatchesBelowIt() {
            for (int i = 0; i < 10; i++) {
                store.put(PutRequest.of("k", "v" + i)); // revisions 2..11
            }
            store.compact(8);

            assertThat(store.retainedVersions()).isEqualTo(4); // revisions 8, 9, 10, 11
            assertThat(store.range(RangeRequest.key("k").atRevision(8)).kvs()).extracting(KeyValue::value).containsExactly("v6");
            assertThatThrownBy(() -> store.range(RangeRequest.key("k").atRevision(7)))
                    .hasMessage("mvcc: required revision has been compacted");
            assertThatThrownBy(() -> store.watch(KeyRange.single("k"), 7, false, e -> { }))
                    .hasMessage("mvcc: required revision has been compacted");
        }

        @Test
        void compactingTwiceAtTheSameRevisionOrIntoTheFutureIsRefused() {
            store.put(PutRequest.of("k", "v"));
            store.compact(2);
            assertThatThrownBy(() -> store.compact(2)).hasMessage("mvcc: required revision has been compacted");
            assertThatThrownBy(() -> store.compact(3)).hasMessage("mvcc: required revision is a future revision");
        }

        @Test
        void compactionDropsKeysWhoseLastVersionIsAnOldTombstone() {
            store.put(PutRequest.of("gone", "x"));
            store.deleteRange(DeleteRangeRequest.key("gone"));
            store.put(PutRequest.of("kept", "y"));
            store.compact(4);
            assertThat(store.retainedVersions()).isEqualTo(1);
            assertThat(store.keyCount()).isEqualTo(1);
        }

        @Test
        void dbSizeStartsAtTwentyKilobytesAndDoesNotShrinkOnCompaction() {
            assertThat(store.dbSizeBytes()).isEqualTo(20480);
            for (int i = 0; i < 100; i++) {
                store.put(PutRequest.of("k", "x".repeat(100)));
            }
            long grown = store.dbSizeBytes();
            assertThat(grown).isGreaterThan(20480);
            store.compact(store.currentRevision());
            assertThat(store.dbSizeBytes()).isEqualTo(grown);
        }
    }
}
