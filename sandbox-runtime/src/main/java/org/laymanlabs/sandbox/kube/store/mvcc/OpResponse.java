package org.laymanlabs.sandbox.kube.store.mvcc;

/** What one operation of a transaction returned (etcdserverpb.ResponseOp). */
public sealed interface OpResponse permits RangeResponse, PutResponse, DeleteRangeResponse {
}
