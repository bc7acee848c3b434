package org.laymanlabs.sandbox.kube.store.raft;

/**
 * The empty entry a new leader appends at the start of its term (Raft paper §8, etcd-io/raft
 * becomeLeader), so that it can commit everything from earlier terms by counting replicas.
 */
public enum Noop implements Command {
    INSTANCE
}
