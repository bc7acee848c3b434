package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/**
 * Mirrors etcdserverpb.RangeRequest: read one key or a range, optionally as of an older revision.
 *
 * @param revision     0 for the current revision
 * @param limit        0 for no limit
 * @param serializable read the local member's copy without asking the leader (etcd's --consistency=s)
 */
public record RangeRequest(KeyRange range, long revision, long limit, boolean keysOnly, boolean countOnly,
                           boolean serializable) implements Op {

    public RangeRequest {
        Objects.requireNonNull(range, "range");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    public static RangeRequest key(String key) {
        return of(KeyRange.single(key));
    }

    public static RangeRequest prefix(String prefix) {
        return of(KeyRange.prefix(prefix));
    }

    public static RangeRequest of(KeyRange range) {
        return new RangeRequest(range, 0, 0, false, false, false);
    }

    public RangeRequest atRevision(long rev) {
        return new RangeRequest(range, rev, limit, keysOnly, countOnly, serializable);
    }

    public RangeRequest withLimit(long max) {
        return new RangeRequest(range, revision, max, keysOnly, countOnly, serializable);
    }

    public RangeRequest withKeysOnly() {
        return new RangeRequest(range, revision, limit, true, countOnly, serializable);
    }

    public RangeRequest withCountOnly() {
        return new RangeRequest(range, revision, limit, keysOnly, true, serializable);
    }

    public RangeRequest withSerializable() {
        return new RangeRequest(range, revision, limit, keysOnly, countOnly, true);
    }
}
