package org.laymanlabs.sandbox.kube.store.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.ids;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.node;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.laymanlabs.sandbox.kube.store.raft.Message.AppendEntries;
import org.laymanlabs.sandbox.kube.store.raft.Message.Heartbeat;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVote;
import org.laymanlabs.sandbox.kube.store.raft.Message.RequestVoteResponse;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Fabric;

/**
 * Ported from etcd-io/raft raft_paper_test.go: each test checks a few sentences of the Raft paper
 * (https://raft.github.io/raft.pdf), sections 5.1 and 5.2, and names the section it checks.
 */
@DisplayName("Raft paper §5.1–5.2: terms, roles and leader election")
class RaftPaperElectionTest {

    private static final List<Long> THREE = ids(3);

    private static RaftNode in(Role role) {
        RaftNode r = node(1, THREE);
        switch (role) {
            case FOLLOWER -> r.becomeFollower(1, 2);
            case CANDIDATE -> r.becomeCandidate();
            case LEADER -> {
                r.becomeCandidate();
                r.becomeLeader();
            }
        }
        return r;
    }

    @ParameterizedTest(name = "§5.1 a {0} that sees a larger term takes it and becomes a follower")
    @EnumSource(Role.class)
    void aServerThatSeesALargerTermAdoptsItAndBecomesAFollower(Role role) {
        RaftNode r = in(role);

        r.step(new AppendEntries(2, 1, 2, 0, 0, List.of(), 0));

        assertThat(r.term()).isEqualTo(2);
        assertThat(r.role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    @DisplayName("§5.1 a request with a stale term is ignored")
    void aRequestWithAStaleTermIsIgnored() {
        RaftNode r = node(1, 10, 1, THREE, storage(new HardState(2, RaftNode.NONE, 0), List.of()));

        r.step(new AppendEntries(2, 1, 1, 0, 0, RaftFixtures.entries(1, 1), 0));

        assertThat(r.lastIndex()).isZero();
        assertThat(r.leader()).isEqualTo(RaftNode.NONE);
        assertThat(r.readMessages()).isEmpty();
    }

    @Test
    @DisplayName("§5.2 servers start up as followers")
    void serversStartAsFollowers() {
        assertThat(node(1, THREE).role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    @DisplayName("§5.2 a leader sends empty heartbeats to every follower on its heartbeat tick")
    void aLeaderBroadcastsHeartbeatsOnItsHeartbeatTick() {
        RaftNode r = in(Role.LEADER);
        for (int i = 0; i < 10; i++) {
            r.leadership().append(List.of(Noop.INSTANCE));
        }
        r.readMessages();

        r.tick();

        assertThat(r.readMessages()).containsExactly(
                new Heartbeat(1, 2, 1, 0, 0),
                new Heartbeat(1, 3, 1, 0, 0));
    }

    @ParameterizedTest(name = "§5.2 a {0} that hears nothing for an election timeout starts an election")
    @EnumSource(value = Role.class, names = {"FOLLOWER", "CANDIDATE"})
    void aNonLeaderThatHearsNothingStartsAnElection(Role role) {
        RaftNode r = in(role);

        for (int i = 1; i < 2 * 10; i++) {
            r.tick();
        }

        assertThat(r.term()).isEqualTo(2);
        assertThat(r.role()).isEqualTo(Role.CANDIDATE);
        assertThat(r.vote()).as("it votes for itself").isEqualTo(1);
        assertThat(r.readMessages()).containsExactly(
                new RequestVote(1, 2, 2, 0, 0),
                new RequestVote(1, 3, 2, 0, 0));
    }

    record OneRound(int size, Map<Long, Boolean> votes, Role outcome) {
    }

    @Test
    @DisplayName("§5.2 one round of RequestVote wins, loses, or leaves the election open")
    void oneRoundOfRequestVoteWinsLosesOrLeavesTheElectionOpen() {
        List<OneRound> rounds = List.of(
                new OneRound(1, Map.of(), Role.LEADER),
                new OneRound(3, Map.of(2L, true, 3L, true), Role.LEADER),
                new OneRound(3, Map.of(2L, true), Role.LEADER),
                new OneRound(5, Map.of(2L, true, 3L, true, 4L, true, 5L, true), Role.LEADER),
                new OneRound(5, Map.of(2L, true, 3L, true, 4L, true), Role.LEADER),
                new OneRound(5, Map.of(2L, true, 3L, true), Role.LEADER),
                new OneRound(3, Map.of(2L, false, 3L, false), Role.FOLLOWER),
                new OneRound(5, Map.of(2L, false, 3L, false, 4L, false, 5L, false), Role.FOLLOWER),
                new OneRound(5, Map.of(2L, true, 3L, false, 4L, false, 5L, false), Role.FOLLOWER),
                new OneRound(3, Map.of(), Role.CANDIDATE),
                new OneRound(5, Map.of(2L, true), Role.CANDIDATE),
                new OneRound(5, Map.of(2L, false, 3L, false), Role.CANDIDATE),
                new OneRound(5, Map.of(), Role.CANDIDATE));
        for (OneRound round : rounds) {
            RaftNode r = node(1, ids(round.size()));
            r.campaign();
            round.votes().forEach((id, granted) -> r.step(new RequestVoteResponse(id, 1, r.term(), granted)));

            assertThat(r.role()).as("%s", round).isEqualTo(round.outcome());
            assertThat(r.term()).as("%s", round).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("§5.2 a follower votes for at most one candidate per term, first come first served")
    void aFollowerVotesForAtMostOneCandidatePerTerm() {
        long[][] cases = {{RaftNode.NONE, 2, 1}, {RaftNode.NONE, 3, 1}, {2, 2, 1}, {3, 3, 1}, {2, 3, 0}, {3, 2, 0}};
        for (long[] c : cases) {
            RaftNode r = node(1, 10, 1, THREE, storage(new HardState(1, c[0], 0), List.of()));

            r.step(new RequestVote(c[1], 1, 1, 0, 0));

            assertThat(r.readMessages()).as("voted %d, asked by %d", c[0], c[1])
                    .containsExactly(new RequestVoteResponse(1, c[1], 1, c[2] == 1));
        }
    }

    @Test
    @DisplayName("§5.2 a candidate that hears from a leader of at least its term steps back to follower")
    void aCandidateFallsBackWhenALegitimateLeaderAppears() {
        for (long term : new long[] {1, 2}) {
            RaftNode r = node(1, THREE);
            r.campaign();
            assertThat(r.role()).isEqualTo(Role.CANDIDATE);

            r.step(new AppendEntries(2, 1, term, 0, 0, List.of(), 0));

            assertThat(r.role()).isEqualTo(Role.FOLLOWER);
            assertThat(r.term()).isEqualTo(term);
            assertThat(r.leader()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "§5.2 a {0}'s election timeout is randomised over [et, 2et)")
    @EnumSource(value = Role.class, names = {"FOLLOWER", "CANDIDATE"})
    void electionTimeoutsAreRandomisedOverOneTimeout(Role role) {
        RaftNode r = node(1, THREE);
        Set<Integer> timeouts = new HashSet<>();
        for (int round = 0; round < 500; round++) {
            if (role == Role.FOLLOWER) {
                r.becomeFollower(r.term() + 1, 2);
            } else {
                r.becomeCandidate();
            }
            r.readMessages();
            int ticks = 0;
            while (r.readMessages().isEmpty()) {
                r.tick();
                ticks++;
            }
            timeouts.add(ticks);
        }
        assertThat(timeouts).containsExactlyInAnyOrder(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    @ParameterizedTest(name = "§5.2 in most cases only one {0} times out first, so split votes are rare")
    @EnumSource(value = Role.class, names = {"FOLLOWER", "CANDIDATE"})
    void usuallyOnlyOneServerTimesOutFirst(Role role) {
        List<RaftNode> nodes = new ArrayList<>();
        for (long id : ids(5)) {
            nodes.add(node(id, ids(5)));
        }
        int conflicts = 0;
        for (int round = 0; round < 1000; round++) {
            for (RaftNode r : nodes) {
                if (role == Role.FOLLOWER) {
                    r.becomeFollower(r.term() + 1, RaftNode.NONE);
                } else {
                    r.becomeCandidate();
                }
                r.readMessages();
            }
            int timedOut = 0;
            while (timedOut == 0) {
                for (RaftNode r : nodes) {
                    r.tick();
                    if (!r.readMessages().isEmpty()) {
                        timedOut++;
                    }
                }
            }
            conflicts += timedOut > 1 ? 1 : 0;
        }
        assertThat(conflicts / 1000.0).isLessThanOrEqualTo(0.3);
    }

    @Test
    @DisplayName("§5.2 a split vote is resolved by the randomised timeouts: a later term elects one leader")
    void aSplitVoteIsResolvedByRandomisedTimeouts() {
        List<Long> four = ids(4);
        Fabric fabric = new Fabric(node(1, four), node(2, four), node(3, four), node(4, four));
        RaftNode one = fabric.nodes.get(1L);
        RaftNode two = fabric.nodes.get(2L);
        one.campaign();
        two.campaign();
        List<Message> requests = new ArrayList<>(one.readMessages());
        requests.addAll(two.readMessages());
        requests.sort((a, b) -> Boolean.compare(!isFirstChoice(a), !isFirstChoice(b)));
        fabric.deliver(requests.toArray(Message[]::new));

        assertThat(fabric.leaders()).as("2 votes each out of 4: nobody has a majority").isEmpty();
        assertThat(one.role()).isEqualTo(Role.CANDIDATE);
        assertThat(two.role()).isEqualTo(Role.CANDIDATE);
        assertThat(two.term()).isEqualTo(1);

        for (int tick = 0; tick < 20 && fabric.leaders().isEmpty(); tick++) {
            fabric.nodes.values().forEach(RaftNode::tick);
            fabric.deliver();
        }
        assertThat(fabric.leaders()).hasSize(1);
        assertThat(fabric.leaders().get(0).term()).isEqualTo(2);
    }

    /** Node 3 hears from candidate 1 first, node 4 from candidate 2: the vote splits 2–2. */
    private static boolean isFirstChoice(Message m) {
        return (m.from() == 1 && m.to() == 3) || (m.from() == 2 && m.to() == 4);
    }
}
