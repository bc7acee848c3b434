package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/** Mirrors etcdserverpb.PutRequest; {@code prevKv} asks for the value the put replaced. */
public record PutRequest(String key, String value, boolean prevKv) implements Op {

    public PutRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static PutRequest of(String key, String value) {
        return new PutRequest(key, value, false);
    }

    public PutRequest withPrevKv() {
        return new PutRequest(key, value, true);
    }
}
