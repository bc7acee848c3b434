package org.laymanlabs.sandbox.kube.store;

/** Mirrors etcdserverpb.ResponseHeader: which member answered, at which store revision and Raft term. */
public record ResponseHeader(long clusterId, long memberId, long revision, long raftTerm) {
}
