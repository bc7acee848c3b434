package org.laymanlabs.sandbox.kube.store;

import java.util.Objects;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyRange;

/**
 * Mirrors etcdserverpb.WatchCreateRequest.
 *
 * @param startRevision 0 to watch from the next write
 */
public record WatchRequest(KeyRange range, long startRevision, boolean prevKv) {

    public WatchRequest {
        Objects.requireNonNull(range, "range");
    }

    public static WatchRequest key(String key) {
        return new WatchRequest(KeyRange.single(key), 0, false);
    }

    public static WatchRequest prefix(String prefix) {
        return new WatchRequest(KeyRange.prefix(prefix), 0, false);
    }

    public WatchRequest fromRevision(long revision) {
        return new WatchRequest(range, revision, prevKv);
    }

    public WatchRequest withPrevKv() {
        return new WatchRequest(range, startRevision, true);
    }
}
