package org.laymanlabs.sandbox.kube.store.raft;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Mirrors etcd-io/raft Config, reduced to what the sandbox uses.
 *
 * @param electionTicks  ticks without a leader before a follower campaigns; the real timeout is
 *                       randomised in [electionTicks, 2 * electionTicks) (§5.2)
 * @param heartbeatTicks ticks between a leader's heartbeats
 * @param checkQuorum    a leader steps down when it has not heard from a majority for an election
 *                       timeout, and a follower that hears from its leader ignores disruptive votes
 *                       (Raft thesis §6.2; etcd turns this on)
 * @param forwardProposals a follower forwards proposals to its leader instead of refusing them
 * @param applied        the last index the state machine already holds (after a restart)
 */
public record RaftConfig(long id, List<Long> peers, int electionTicks, int heartbeatTicks, boolean checkQuorum,
                         boolean forwardProposals, long applied, RandomGenerator random) {

    public RaftConfig {
        peers = List.copyOf(peers);
        Objects.requireNonNull(random, "random");
        if (!peers.contains(id)) {
            throw new IllegalArgumentException("peers " + peers + " must include this node " + id);
        }
        if (heartbeatTicks < 1 || electionTicks <= heartbeatTicks) {
            throw new IllegalArgumentException("election ticks must exceed heartbeat ticks");
        }
    }

    /** etcd's defaults: a tick of 100 ms, an election timeout of 10 ticks, a heartbeat every tick. */
    public static RaftConfig of(long id, List<Long> peers, RandomGenerator random) {
        return new RaftConfig(id, peers, 10, 1, true, true, 0, random);
    }

    public RaftConfig withTicks(int election, int heartbeat) {
        return new RaftConfig(id, peers, election, heartbeat, checkQuorum, forwardProposals, applied, random);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(id, peers, electionTicks, heartbeatTicks, on, forwardProposals, applied, random);
    }

    public RaftConfig withForwardProposals(boolean on) {
        return new RaftConfig(id, peers, electionTicks, heartbeatTicks, checkQuorum, on, applied, random);
    }

    public RaftConfig withApplied(long index) {
        return new RaftConfig(id, peers, electionTicks, heartbeatTicks, checkQuorum, forwardProposals, index, random);
    }
}
