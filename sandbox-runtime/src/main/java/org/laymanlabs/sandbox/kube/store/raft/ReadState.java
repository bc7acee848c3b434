package org.laymanlabs.sandbox.kube.store.raft;

/**
 * Mirrors etcd-io/raft ReadState: the leader confirmed it still led when the read with this
 * context arrived, at this commit index; once applied up to {@code index} a member may serve the
 * read locally and stay linearizable (Raft thesis §6.4, ReadIndex).
 */
public record ReadState(long context, long index) {
}
