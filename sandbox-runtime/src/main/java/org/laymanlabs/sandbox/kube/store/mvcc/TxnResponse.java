package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.List;

/** Mirrors etcdserverpb.TxnResponse: which branch ran, and each of its operations' responses. */
public record TxnResponse(long revision, boolean succeeded, List<OpResponse> responses) {

    public TxnResponse {
        responses = List.copyOf(responses);
    }
}
