package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.List;

/** Mirrors etcdserverpb.TxnRequest: if every compare holds, run {@code success}, else {@code failure}. */
public record TxnRequest(List<Compare> compare, List<Op> success, List<Op> failure) {

    public TxnRequest {
        compare = List.copyOf(compare);
        success = List.copyOf(success);
        failure = List.copyOf(failure);
    }
}
