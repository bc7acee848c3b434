package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;
import java.util.Optional;

/**
 * Mirrors etcd api/mvccpb Event: one change a watcher sees. A DELETE carries a tombstone (the key
 * and the deleting revision); {@code prevKv} is filled only when the watch asked for it.
 */
public record Event(Type type, KeyValue kv, Optional<KeyValue> prevKv) {

    /** etcd's mvccpb.Event_EventType, printed by etcdctl as PUT and DELETE. */
    public enum Type { PUT, DELETE }

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kv, "kv");
        Objects.requireNonNull(prevKv, "prevKv");
    }
}
