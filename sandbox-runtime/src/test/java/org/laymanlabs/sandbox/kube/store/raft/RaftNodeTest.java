package org.laymanlabs.sandbox.kube.store.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.ids;
import static org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.node;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.raft.Message.Propose;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Data;
import org.laymanlabs.sandbox.kube.store.raft.RaftFixtures.Fabric;

/** What etcd-io/raft adds to the paper and etcd relies on: forwarding, check-quorum, ReadIndex, restarts. */
@DisplayName("Raft node beyond the paper")
class RaftNodeTest {

    private static final List<Long> THREE = ids(3);

    private static Fabric electedCluster() {
        Fabric fabric = new Fabric(node(1, THREE), node(2, THREE), node(3, THREE));
        fabric.nodes.get(1L).campaign();
        fabric.deliver();
        return fabric;
    }

    @Test
    void aFollowerForwardsAProposalToTheLeaderItKnows() {
        Fabric fabric = electedCluster();
        RaftNode follower = fabric.nodes.get(2L);

        assertThat(follower.propose(new Data("x"))).isEqualTo(new ProposeResult.Forwarded(1));
        assertThat(follower.readMessages()).containsExactly(new Propose(2, 1, 0, List.of(new Data("x"))));
    }

    @Test
    void withoutForwardingAFollowerRefusesAndNamesTheLeader() {
        RaftNode follower = new RaftNode(RaftConfig.of(2, THREE, new SplittableRandom(1)).withForwardProposals(false),
                new RaftStorage());
        follower.becomeFollower(1, 1);
        assertThat(follower.propose(new Data("x"))).isEqualTo(new ProposeResult.NotLeader(1));

        RaftNode orphan = node(3, THREE);
        assertThat(orphan.propose(new Data("x"))).isEqualTo(new ProposeResult.NotLeader(RaftNode.NONE));
    }

    @Test
    void withCheckQuorumALeaderThatHearsFromNoMajorityStepsDownAfterAnElectionTimeout() {
        RaftNode leader = new RaftNode(RaftConfig.of(1, THREE, new SplittableRandom(1)), new RaftStorage());
        leader.becomeCandidate();
        leader.becomeLeader();

        for (int i = 0; i < 10; i++) {
            leader.tick();
        }

        assertThat(leader.role()).isEqualTo(Role.FOLLOWER);
        assertThat(leader.leader()).isEqualTo(RaftNode.NONE);
    }

    @Test
    void aReadIndexIsConfirmedByAHeartbeatQuorumAtTheLeadersCommitIndex() {
        Fabric fabric = electedCluster();
        RaftNode follower = fabric.nodes.get(3L);
        fabric.nodes.values().forEach(RaftNode::ready);

        assertThat(follower.readIndex(77)).isTrue();
        fabric.deliver();

        assertThat(follower.ready().readStates()).containsExactly(new ReadState(77, fabric.nodes.get(1L).commitIndex()));
    }

    @Test
    void aNodeWithoutALeaderCannotAskForAReadIndex() {
        assertThat(node(1, THREE).readIndex(5)).isFalse();
    }

    @Test
    void aRestartedNodeReloadsTermVoteAndLogFromItsStorage() {
        RaftStorage disk = new RaftStorage();
        RaftNode before = node(1, 10, 1, THREE, disk);
        before.campaign();
        Ready ready = before.ready();
        disk.save(ready.hardState(), ready.entries());

        RaftNode after = node(1, 10, 1, THREE, disk);

        assertThat(after.term()).isEqualTo(1);
        assertThat(after.vote()).isEqualTo(1);
        assertThat(after.role()).isEqualTo(Role.FOLLOWER);
    }
}
