package org.laymanlabs.sandbox.kube.store.raft;

/** A server's role (Raft paper §5.1; etcd-io/raft StateType, without the optional pre-candidate). */
public enum Role { FOLLOWER, CANDIDATE, LEADER }
