package org.laymanlabs.sandbox.kube.store.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.entries;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.ids;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.node;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.storage;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntriesResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.InstallSnapshot;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Data;

/** Raft paper §7 (log compaction) as etcd-io/raft implements it: MemoryStorage.Compact, MsgSnap and restore. */
@DisplayName("Raft paper §7: log compaction and InstallSnapshot")
class RaftPaperSnapshotTest {

    private static final List<Long> THREE = ids(3);

    @Test
    @DisplayName("§7 compaction discards the entries up to an index and keeps the term of the last one it discards")
    void compactionKeepsTheLastDiscardedTerm() {
        RaftStorage storage = storage(new HardState(3, 0, 10), entries(1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3));
        storage.createSnapshot(8, "state at 8");
        storage.compact(5);

        assertThat(storage.offset()).isEqualTo(5);
        assertThat(storage.offsetTerm()).isEqualTo(2);
        assertThat(storage.entries()).extracting(Entry::index).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(storage.lastIndex()).isEqualTo(10);
        assertThat(storage.snapshot()).isEqualTo(new Snapshot(8, 3, "state at 8"));

        RaftNode restarted = new RaftNode(RaftConfig.of(1, THREE, new java.util.SplittableRandom(1)).withApplied(10), storage);
        assertThat(restarted.lastIndex()).isEqualTo(10);
        assertThat(restarted.termAt(5)).as("the compacted entry's term, for the next entry's consistency check").isEqualTo(2);
        assertThat(restarted.entriesFrom(6)).hasSize(5);
    }

    @Test
    @DisplayName("§7 a leader that has discarded the entries a follower needs sends it the snapshot instead")
    void aLeaderSendsItsSnapshotToAFollowerBehindItsLog() {
        RaftStorage storage = storage(new HardState(1, 0, 5), entries(1, 1, 1, 1, 1, 1));
        storage.createSnapshot(5, "state at 5");
        storage.compact(5);
        RaftNode r = new RaftNode(new RaftConfig(1, THREE, 10, 1, false, true, 5, new java.util.SplittableRandom(1)), storage);
        r.becomeCandidate();
        r.becomeLeader();
        r.leadership().broadcastAppend();
        assertThat(r.readMessages()).contains(new AppendEntries(1, 3, 2, 5, 1, List.of(new Entry(2, 6, Noop.INSTANCE)), 5));

        // Follower 3 has nothing: it rejects, and the leader cannot go back below its log.
        r.step(new AppendEntriesResponse(3, 1, 2, false, 5, 0, 0));

        assertThat(r.readMessages()).containsExactly(new InstallSnapshot(1, 3, 2, new Snapshot(5, 1, "state at 5")));

        r.step(new AppendEntriesResponse(3, 1, 2, true, 5, 0, 0));
        assertThat(r.readMessages()).as("once restored it gets the entries after the snapshot")
                .containsExactly(new AppendEntries(1, 3, 2, 5, 1, List.of(new Entry(2, 6, Noop.INSTANCE)), 5));
    }

    @Test
    @DisplayName("§7 a follower discards its whole log for a snapshot, hands it to its host first, and goes on after it")
    void aFollowerRestoresFromASnapshot() {
        RaftNode r = node(1, 10, 1, THREE, storage(new HardState(1, 0, 1), entries(1, 1, 1)));
        Snapshot snapshot = new Snapshot(10, 2, "state at 10");

        r.step(new InstallSnapshot(2, 1, 2, snapshot));

        assertThat(r.readMessages()).containsExactly(new AppendEntriesResponse(1, 2, 2, true, 10, 0, 0));
        Ready ready = r.ready();
        assertThat(ready.snapshot()).isEqualTo(snapshot);
        assertThat(ready.committedEntries()).isEmpty();
        assertThat(r.commitIndex()).isEqualTo(10);
        assertThat(r.lastIndex()).isEqualTo(10);
        assertThat(r.leader()).isEqualTo(2);

        Entry next = new Entry(2, 11, new Data("after the snapshot"));
        r.step(new AppendEntries(2, 1, 2, 10, 2, List.of(next), 11));
        assertThat(r.readMessages()).containsExactly(new AppendEntriesResponse(1, 2, 2, true, 11, 0, 0));
        assertThat(r.ready().committedEntries()).containsExactly(next);
    }

    @Test
    @DisplayName("§7 a snapshot of entries the follower already holds only commits them; its following entries stay")
    void aSnapshotOfKnownEntriesOnlyAdvancesTheCommitIndex() {
        RaftNode r = node(1, 10, 1, THREE, storage(new HardState(1, 0, 1), entries(1, 1, 1, 1)));

        r.step(new InstallSnapshot(2, 1, 1, new Snapshot(2, 1, "state at 2")));

        assertThat(r.readMessages()).containsExactly(new AppendEntriesResponse(1, 2, 1, true, 2, 0, 0));
        assertThat(r.commitIndex()).isEqualTo(2);
        assertThat(r.lastIndex()).isEqualTo(3);
        assertThat(r.ready().snapshot()).isEqualTo(Snapshot.EMPTY);

        r.step(new InstallSnapshot(2, 1, 1, new Snapshot(1, 1, "older")));
        assertThat(r.readMessages()).as("one behind the commit index is ignored")
                .containsExactly(new AppendEntriesResponse(1, 2, 1, true, 2, 0, 0));
    }
}
