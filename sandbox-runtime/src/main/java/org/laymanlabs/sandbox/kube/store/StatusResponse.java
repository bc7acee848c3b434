package org.laymanlabs.sandbox.kube.store;

import java.util.List;

/**
 * Mirrors etcdserverpb.StatusResponse, what {@code etcdctl endpoint status} prints.
 *
 * @param raftIndex        the member's commit index
 * @param raftAppliedIndex the last index its store applied
 * @param errors           e.g. {@code etcdserver: no leader} while it knows no leader
 */
public record StatusResponse(ResponseHeader header, String version, long dbSize, long leader, long raftIndex,
                             long raftTerm, long raftAppliedIndex, List<String> errors, long dbSizeInUse, boolean isLearner) {

    public StatusResponse {
        errors = List.copyOf(errors);
    }
}
