package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.List;

/**
 * Mirrors etcdserverpb.RangeResponse.
 *
 * @param more     whether keys beyond the limit exist
 * @param count    how many keys the range holds, regardless of the limit
 * @param revision the store's revision when the read was served (the response header's)
 */
public record RangeResponse(List<KeyValue> kvs, boolean more, long count, long revision) implements OpResponse {

    public RangeResponse {
        kvs = List.copyOf(kvs);
    }
}
