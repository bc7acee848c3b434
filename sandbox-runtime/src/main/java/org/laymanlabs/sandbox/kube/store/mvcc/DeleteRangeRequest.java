package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/** Mirrors etcdserverpb.DeleteRangeRequest: delete one key or a range. */
public record DeleteRangeRequest(KeyRange range, boolean prevKv) implements Op {

    public DeleteRangeRequest {
        Objects.requireNonNull(range, "range");
    }

    public static DeleteRangeRequest key(String key) {
        return new DeleteRangeRequest(KeyRange.single(key), false);
    }

    public static DeleteRangeRequest prefix(String prefix) {
        return new DeleteRangeRequest(KeyRange.prefix(prefix), false);
    }

    public DeleteRangeRequest withPrevKv() {
        return new DeleteRangeRequest(range, true);
    }
}
