package org.laymanlabs.sandbox.kube.store.mvcc;

/** One operation of a transaction's success or failure branch (etcdserverpb.RequestOp). */
public sealed interface Op permits RangeRequest, PutRequest, DeleteRangeRequest {
}
