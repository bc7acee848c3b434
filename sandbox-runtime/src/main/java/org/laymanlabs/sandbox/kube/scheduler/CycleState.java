package org.laymanlabs.sandbox.kube.scheduler;

import java.util.HashMap;
import java.util.Map;

/**
 * Mirrors framework.CycleState: what a plugin worked out for this pod in an earlier extension
 * point (PreFilter, PreScore) and reads back in a later one, keyed by the type it wrote.
 */
final class CycleState {

    private final Map<Class<?>, Object> data = new HashMap<>();

    <T> void write(Class<T> key, T value) {
        data.put(key, value);
    }

    <T> T read(Class<T> key) {
        Object value = data.get(key);
        if (value == null) {
            throw new IllegalStateException("nothing written for " + key.getSimpleName() + " in this cycle");
        }
        return key.cast(value);
    }
}
