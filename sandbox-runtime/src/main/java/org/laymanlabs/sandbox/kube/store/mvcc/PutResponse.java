package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Optional;

/** Mirrors etcdserverpb.PutResponse: the new revision, and the replaced key-value when asked for. */
public record PutResponse(long revision, Optional<KeyValue> prevKv) implements OpResponse {
}
