package org.laymanlabs.sandbox.kube.store.raft;

/**
 * Mirrors etcd-io/raft raftpb.HardState: what a server must have on disk before it answers an RPC
 * (Raft paper Figure 2, "persistent state"), plus the commit index etcd also saves.
 *
 * @param vote the candidate voted for in {@code term}, or {@link RaftNode#NONE}
 */
public record HardState(long term, long vote, long commit) {

    public static final HardState EMPTY = new HardState(0, RaftNode.NONE, 0);
}
