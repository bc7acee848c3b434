package org.laymanlabs.sandbox.kube.store.raft;

/** What became of a client proposal handed to one node. */
public sealed interface ProposeResult {

    /** The leader appended it to its log; it commits once a majority stores it. */
    record Appended(long index, long term) implements ProposeResult {
    }

    /** A follower sent it on to the leader it knows, as etcd-io/raft does by default. */
    record Forwarded(long leader) implements ProposeResult {
    }

    /**
     * Not accepted here: this node is not the leader and does not forward (or knows no leader,
     * when {@code leader} is {@link RaftNode#NONE}). The client should retry at the leader named.
     */
    record NotLeader(long leader) implements ProposeResult {
    }
}
