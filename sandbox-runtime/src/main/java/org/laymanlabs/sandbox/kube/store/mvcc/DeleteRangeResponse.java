package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.List;

/** Mirrors etcdserverpb.DeleteRangeResponse: how many keys went, and what they held when asked for. */
public record DeleteRangeResponse(long revision, long deleted, List<KeyValue> prevKvs) implements OpResponse {

    public DeleteRangeResponse {
        prevKvs = List.copyOf(prevKvs);
    }
}
