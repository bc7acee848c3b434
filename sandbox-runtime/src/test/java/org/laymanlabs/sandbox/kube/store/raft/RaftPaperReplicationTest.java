package org.laymanlabs.sandbox.kube.store.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.acceptAndReply;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.commitNoopEntry;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.entries;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.ids;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.node;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntriesResponse;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVote;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVoteResponse;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Data;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Fabric;

/**
 * Ported from etcd-io/raft raft_paper_test.go: log replication (§5.3) and safety (§5.4.1 election
 * restriction, §5.4.2 committing entries from previous terms).
 */
@DisplayName("Raft paper §5.3–5.4: log replication and safety")
class RaftPaperReplicationTest {

    private static final List<Long> THREE = ids(3);
    private static final Data SOME_DATA = new Data("some data");

    private static RaftNode leaderOf(List<Long> peers) {
        RaftNode r = node(1, peers);
        r.becomeCandidate();
        r.becomeLeader();
        commitNoopEntry(r);
        return r;
    }

    @Test
    @DisplayName("§5.3 a leader appends a proposal and sends it with the preceding index and term to every follower")
    void aLeaderAppendsAProposalAndReplicatesItInParallel() {
        RaftNode r = leaderOf(THREE);
        long li = r.lastIndex();

        r.propose(SOME_DATA);

        assertThat(r.lastIndex()).isEqualTo(li + 1);
        assertThat(r.commitIndex()).isEqualTo(li);
        List<Entry> sent = List.of(new Entry(1, li + 1, SOME_DATA));
        assertThat(r.readMessages()).containsExactly(
                new AppendEntries(1, 2, 1, li, 1, sent, li),
                new AppendEntries(1, 3, 1, li, 1, sent, li));
        assertThat(r.ready().entries()).as("and writes it to stable storage").isEqualTo(sent);
    }

    @Test
    @DisplayName("§5.3 once replicated on a majority the entry is committed, applied, and the new commit index sent on")
    void aReplicatedEntryIsCommittedAppliedAndItsCommitIndexSentOn() {
        RaftNode r = leaderOf(THREE);
        long li = r.lastIndex();
        r.propose(SOME_DATA);

        for (Message m : r.readMessages()) {
            r.step(acceptAndReply(m));
        }

        assertThat(r.commitIndex()).isEqualTo(li + 1);
        Ready ready = r.ready();
        assertThat(ready.committedEntries()).containsExactly(new Entry(1, li + 1, SOME_DATA));
        List<Message> sent = ready.messages();
        assertThat(sent).extracting(Message::to).containsExactly(2L, 3L);
        assertThat(sent).allSatisfy(m -> assertThat(((AppendEntries) m).leaderCommit()).isEqualTo(li + 1));
    }

    @Test
    @DisplayName("§5.3 an entry is committed once the leader has replicated it on a majority")
    void anEntryIsCommittedOnceAMajorityHasIt() {
        record Case(int size, Set<Long> acceptors, boolean committed) {
        }
        List<Case> cases = List.of(
                new Case(1, Set.of(), true), new Case(3, Set.of(), false), new Case(3, Set.of(2L), true),
                new Case(3, Set.of(2L, 3L), true), new Case(5, Set.of(), false), new Case(5, Set.of(2L), false),
                new Case(5, Set.of(2L, 3L), true), new Case(5, Set.of(2L, 3L, 4L), true),
                new Case(5, Set.of(2L, 3L, 4L, 5L), true));
        for (Case c : cases) {
            RaftNode r = leaderOf(ids(c.size()));
            long li = r.lastIndex();
            r.propose(SOME_DATA);
            for (Message m : r.readMessages()) {
                if (c.acceptors().contains(m.to())) {
                    r.step(acceptAndReply(m));
                }
            }
            assertThat(r.commitIndex() > li).as("%s", c).isEqualTo(c.committed());
        }
    }

    @Test
    @DisplayName("§5.3 committing an entry commits all preceding ones, including those of earlier leaders, applied in order")
    void committingAnEntryCommitsEverythingBeforeIt() {
        List<List<Entry>> logs = List.of(List.of(), entries(1, 2), entries(1, 1, 2), entries(1, 1));
        for (List<Entry> log : logs) {
            RaftNode r = node(1, 10, 1, THREE, storage(new HardState(2, RaftNode.NONE, 0), log));
            r.becomeCandidate();
            r.becomeLeader();
            r.propose(SOME_DATA);

            for (Message m : r.readMessages()) {
                r.step(acceptAndReply(m));
            }

            long li = log.size();
            List<Entry> expected = new ArrayList<>(log);
            expected.add(new Entry(3, li + 1, Noop.INSTANCE));
            expected.add(new Entry(3, li + 2, SOME_DATA));
            assertThat(r.ready().committedEntries()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("§5.3 a follower applies the entries it learns are committed, in log order")
    void aFollowerAppliesWhatItLearnsIsCommitted() {
        Data one = new Data("some data");
        Data two = new Data("some data2");
        record Case(List<Entry> entries, long commit) {
        }
        List<Case> cases = List.of(
                new Case(List.of(new Entry(1, 1, one)), 1),
                new Case(List.of(new Entry(1, 1, one), new Entry(1, 2, two)), 2),
                new Case(List.of(new Entry(1, 1, two), new Entry(1, 2, one)), 2),
                new Case(List.of(new Entry(1, 1, one), new Entry(1, 2, two)), 1));
        for (Case c : cases) {
            RaftNode r = node(1, THREE);
            r.becomeFollower(1, 2);

            r.step(new AppendEntries(2, 1, 1, 0, 0, c.entries(), c.commit()));

            assertThat(r.commitIndex()).isEqualTo(c.commit());
            assertThat(r.ready().committedEntries()).isEqualTo(c.entries().subList(0, (int) c.commit()));
        }
    }

    @Test
    @DisplayName("§5.3 a follower refuses entries whose preceding index and term it does not have")
    void aFollowerRefusesEntriesWithoutAMatchingPredecessor() {
        List<Entry> log = entries(1, 1, 2);
        long[][] cases = {
                // prevTerm, prevIndex, response index, rejected, hint index, hint term
                {0, 0, 1, 0, 0, 0},   // matches the committed entries
                {1, 1, 1, 0, 0, 0},
                {2, 2, 2, 0, 0, 0},   // matches an uncommitted entry
                {1, 2, 2, 1, 1, 1},   // disagrees with an existing entry
                {3, 3, 3, 1, 2, 2},   // an entry it does not have
        };
        for (long[] c : cases) {
            RaftNode r = node(1, 10, 1, THREE, storage(new HardState(0, RaftNode.NONE, 1), log));
            r.becomeFollower(2, 2);

            r.step(new AppendEntries(2, 1, 2, c[1], c[0], List.of(), 0));

            assertThat(r.readMessages()).containsExactly(
                    new AppendEntriesResponse(1, 2, 2, c[3] == 0, c[2], c[4], c[5]));
        }
    }

    @Test
    @DisplayName("§5.3 a follower deletes a conflicting entry and all after it, then appends the new ones")
    void aFollowerOverwritesConflictingEntries() {
        record Case(long index, long term, List<Entry> sent, List<Entry> log, List<Entry> unstable) {
        }
        List<Case> cases = List.of(
                new Case(2, 2, entries(3, 3), entries(1, 1, 2, 3), entries(3, 3)),
                new Case(1, 1, entries(2, 3, 4), entries(1, 1, 3, 4), entries(2, 3, 4)),
                new Case(0, 0, entries(1, 1), entries(1, 1, 2), List.of()),
                new Case(0, 0, entries(1, 3), entries(1, 3), entries(1, 3)));
        for (Case c : cases) {
            RaftNode r = node(1, 10, 1, THREE, storage(HardState.EMPTY, entries(1, 1, 2)));
            r.becomeFollower(2, 2);

            r.step(new AppendEntries(2, 1, 2, c.index(), c.term(), c.sent(), 0));

            assertThat(r.entriesFrom(1)).isEqualTo(c.log());
            assertThat(r.ready().entries()).as("written to stable storage").isEqualTo(c.unstable());
        }
    }

    @Test
    @DisplayName("§5.3 figure 7: a new leader brings every kind of inconsistent follower log into line with its own")
    void aLeaderBringsEveryFigure7FollowerIntoLine() {
        List<Entry> leaderLog = entries(1, 1, 1, 1, 4, 4, 5, 5, 6, 6, 6);
        List<List<Entry>> followers = List.of(
                entries(1, 1, 1, 1, 4, 4, 5, 5, 6, 6),
                entries(1, 1, 1, 1, 4),
                entries(1, 1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6),
                entries(1, 1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7),
                entries(1, 1, 1, 1, 4, 4, 4, 4),
                entries(1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3));
        for (List<Entry> followerLog : followers) {
            RaftNode lead = node(1, 10, 1, THREE, storage(new HardState(8, RaftNode.NONE, leaderLog.size()), leaderLog));
            RaftNode follower = node(2, 10, 1, THREE, storage(new HardState(7, RaftNode.NONE, 0), followerLog));
            // Node 3 only votes: the follower may hold a longer log and refuse its vote.
            Fabric fabric = new Fabric(lead, follower);
            lead.campaign();
            fabric.deliver(new RequestVoteResponse(3, 1, 9, true));
            assertThat(lead.role()).isEqualTo(Role.LEADER);

            lead.propose(Noop.INSTANCE);
            fabric.deliver();

            assertThat(follower.entriesFrom(1)).isEqualTo(lead.entriesFrom(1));
            assertThat(follower.commitIndex()).isEqualTo(lead.commitIndex());
        }
    }

    @Test
    @DisplayName("§5.4.1 a vote request carries the candidate's last log index and term to every other server")
    void aVoteRequestCarriesTheCandidatesLastEntry() {
        record Case(List<Entry> log, long term) {
        }
        for (Case c : List.of(new Case(entries(1, 1), 2), new Case(entries(1, 1, 2), 3))) {
            RaftNode r = node(1, THREE);
            r.step(new AppendEntries(2, 1, c.term() - 1, 0, 0, c.log(), 0));
            r.readMessages();

            for (int i = 1; i < 2 * 10; i++) {
                r.tick();
            }

            Entry last = c.log().get(c.log().size() - 1);
            assertThat(r.readMessages()).containsExactly(
                    new RequestVote(1, 2, c.term(), last.index(), last.term()),
                    new RequestVote(1, 3, c.term(), last.index(), last.term()));
        }
    }

    @Test
    @DisplayName("§5.4.1 a voter denies its vote when its own log is more up to date than the candidate's")
    void aVoterDeniesItsVoteToALessUpToDateLog() {
        record Case(List<Entry> log, long lastTerm, long lastIndex, boolean rejected) {
        }
        List<Case> cases = List.of(
                new Case(entries(1, 1), 1, 1, false), new Case(entries(1, 1), 1, 2, false),
                new Case(entries(1, 1, 1), 1, 1, true),
                new Case(entries(1, 1), 2, 1, false), new Case(entries(1, 1), 2, 2, false),
                new Case(entries(1, 1, 1), 2, 1, false),
                new Case(entries(1, 2), 1, 1, true), new Case(entries(1, 2), 1, 2, true),
                new Case(entries(1, 2, 2), 1, 1, true), new Case(entries(1, 1, 1), 1, 1, true));
        for (Case c : cases) {
            RaftNode r = node(1, 10, 1, ids(2), storage(HardState.EMPTY, c.log()));

            r.step(new RequestVote(2, 1, 3, c.lastIndex(), c.lastTerm()));

            assertThat(r.readMessages()).as("%s", c).containsExactly(new RequestVoteResponse(1, 2, 3, !c.rejected()));
        }
    }

    @Test
    @DisplayName("§5.4.2 a leader commits only entries of its current term by counting replicas")
    void aLeaderCommitsOnlyCurrentTermEntriesByCountingReplicas() {
        long[][] cases = {{1, 0}, {2, 0}, {3, 3}};  // follower's match index, expected commit
        for (long[] c : cases) {
            RaftNode r = node(1, 10, 1, ids(2), storage(new HardState(2, RaftNode.NONE, 0), entries(1, 1, 2)));
            r.becomeCandidate();
            r.becomeLeader();
            r.readMessages();
            r.propose(Noop.INSTANCE);

            r.step(new AppendEntriesResponse(2, 1, r.term(), true, c[0], 0, 0));

            assertThat(r.commitIndex()).as("match %d", c[0]).isEqualTo(c[1]);
        }
    }
}
