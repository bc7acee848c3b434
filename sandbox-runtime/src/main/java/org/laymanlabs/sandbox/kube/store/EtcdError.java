package org.laymanlabs.sandbox.kube.store;

import org.laymanlabs.sandbox.kube.store.mvcc.MvccError;

/**
 * Why a request failed, in the words a client of etcd 3.5 sees (api/v3rpc/rpctypes/error.go, and
 * gRPC's own for a lost connection or an expired deadline).
 */
public enum EtcdError {
    COMPACTED("etcdserver: mvcc: required revision has been compacted"),
    FUTURE_REVISION("etcdserver: mvcc: required revision is a future revision"),
    /** The member's own deadline for a proposal or a read passed (ReqTimeout: 5 s + 2 election timeouts). */
    REQUEST_TIMED_OUT("etcdserver: request timed out"),
    /** The same, when a new leader was elected while the request waited (etcd's parseProposeCtxErr). */
    REQUEST_TIMED_OUT_LEADER_FAIL("etcdserver: request timed out, possibly due to previous leader failure"),
    /** A watch requires a leader, and the member knows none. */
    NO_LEADER("etcdserver: no leader"),
    /** The client's own deadline passed first (etcdctl's --command-timeout, 5 s). */
    DEADLINE_EXCEEDED("context deadline exceeded"),
    /** The member serving the request went away while it was in flight. */
    UNAVAILABLE("rpc error: code = Unavailable desc = error reading from server: EOF"),
    DUPLICATE_KEY("etcdserver: duplicate key given in txn request"),
    EMPTY_KEY("etcdserver: key is not provided");

    private final String message;

    EtcdError(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    static EtcdError of(MvccError error) {
        return switch (error) {
            case COMPACTED -> COMPACTED;
            case FUTURE_REVISION -> FUTURE_REVISION;
        };
    }
}
