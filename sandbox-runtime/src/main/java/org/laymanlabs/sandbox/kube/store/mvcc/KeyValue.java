package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/**
 * Mirrors etcd api/mvccpb KeyValue: a key's state as of one revision. A deletion is recorded as a
 * tombstone, a KeyValue with only the key and its mod revision, exactly as etcd's DELETE events carry it.
 *
 * @param createRevision the revision of the put that created this generation of the key (0 for a tombstone)
 * @param modRevision    the revision of the last change to the key
 * @param version        how many puts this generation has seen: 1 after creation, 0 for a tombstone
 */
public record KeyValue(String key, String value, long createRevision, long modRevision, long version) {

    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    static KeyValue tombstone(String key, long revision) {
        return new KeyValue(key, "", 0, revision, 0);
    }

    public boolean isTombstone() {
        return version == 0;
    }

    /** The same key-value without its value, as {@code --keys-only} returns it. */
    public KeyValue withoutValue() {
        return new KeyValue(key, "", createRevision, modRevision, version);
    }
}
