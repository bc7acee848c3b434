package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/**
 * Mirrors etcdserverpb.Compare: one guard of a transaction, on one key. A missing key compares as
 * version, create and mod revision 0, and a value comparison on it always fails, as in etcd's
 * applyCompare (gRPC cannot tell a missing value from an empty one).
 */
public record Compare(String key, Target target, Operator operator, long number, String value) {

    /** What is compared (etcd's Compare_CompareTarget, without LEASE). */
    public enum Target { VERSION, CREATE, MOD, VALUE }

    /** How it is compared (etcd's Compare_CompareResult). */
    public enum Operator { EQUAL, NOT_EQUAL, LESS, GREATER }

    public Compare {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }

    public static Compare version(String key, Operator operator, long version) {
        return new Compare(key, Target.VERSION, operator, version, "");
    }

    public static Compare createRevision(String key, Operator operator, long revision) {
        return new Compare(key, Target.CREATE, operator, revision, "");
    }

    public static Compare modRevision(String key, Operator operator, long revision) {
        return new Compare(key, Target.MOD, operator, revision, "");
    }

    public static Compare value(String key, Operator operator, String value) {
        return new Compare(key, Target.VALUE, operator, 0, value);
    }

    /** Whether the key's current state (absent when null) passes this guard. */
    boolean holdsFor(KeyValue current) {
        if (current == null && target == Target.VALUE) {
            return false;
        }
        int order = switch (target) {
            case VERSION -> Long.compare(current == null ? 0 : current.version(), number);
            case CREATE -> Long.compare(current == null ? 0 : current.createRevision(), number);
            case MOD -> Long.compare(current == null ? 0 : current.modRevision(), number);
            case VALUE -> current.value().compareTo(value);
        };
        return switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case GREATER -> order > 0;
        };
    }
}
