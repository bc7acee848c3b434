package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.Objects;

/**
 * The keys a request covers, with etcd's conventions (etcdserverpb.RangeRequest): an empty end
 * means the key alone, an end of {@code "\0"} means every key from the key on, and otherwise the
 * half-open interval [key, end). Keys compare as Java strings, which equals etcd's byte order for
 * the ASCII keys Kubernetes uses.
 */
public record KeyRange(String key, String end) {

    /** etcd's "from key" marker for range_end. */
    public static final String FROM_KEY = "\0";

    public KeyRange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(end, "end");
    }

    public static KeyRange single(String key) {
        return new KeyRange(key, "");
    }

    /** Every key starting with {@code prefix}, as clientv3.WithPrefix computes it. */
    public static KeyRange prefix(String prefix) {
        return new KeyRange(prefix, prefixEnd(prefix));
    }

    /** Mirrors clientv3.GetPrefixRangeEnd: the prefix with its last incrementable character incremented. */
    static String prefixEnd(String prefix) {
        char[] chars = prefix.toCharArray();
        for (int i = chars.length - 1; i >= 0; i--) {
            if (chars[i] < Character.MAX_VALUE) {
                chars[i]++;
                return new String(chars, 0, i + 1);
            }
        }
        return FROM_KEY;
    }

    public boolean isSingleKey() {
        return end.isEmpty();
    }

    public boolean isFromKey() {
        return end.equals(FROM_KEY);
    }

    public boolean contains(String candidate) {
        if (isSingleKey()) {
            return key.equals(candidate);
        }
        return candidate.compareTo(key) >= 0 && (isFromKey() || candidate.compareTo(end) < 0);
    }
}
