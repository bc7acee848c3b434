package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors etcd server/storage/mvcc/key_index.go (keyIndex): every retained version of one key,
 * oldest first, tombstones included, so a read at any uncompacted revision finds what the key held.
 */
final class KeyHistory {

    private final List<KeyValue> versions = new ArrayList<>();

    KeyHistory copy() {
        KeyHistory copy = new KeyHistory();
        copy.versions.addAll(versions);
        return copy;
    }

    void add(KeyValue kv) {
        versions.add(kv);
    }

    int size() {
        return versions.size();
    }

    boolean isEmpty() {
        return versions.isEmpty();
    }

    /** The key's live value now, or null if it does not exist. */
    KeyValue live() {
        return versions.isEmpty() ? null : liveOrNull(versions.get(versions.size() - 1));
    }

    /** The key's live value as of {@code revision}, or null if it did not exist then. */
    KeyValue liveAt(long revision) {
        int index = lastIndexAtOrBefore(revision);
        return index < 0 ? null : liveOrNull(versions.get(index));
    }

    /**
     * Forgets every version older than the one in effect at {@code revision}, and that one too if
     * it is a tombstone, as keyIndex.compact does.
     *
     * @return the bytes the forgotten versions held
     */
    long compact(long revision) {
        int keep = lastIndexAtOrBefore(revision);
        if (keep < 0) {
            return 0;
        }
        int drop = versions.get(keep).isTombstone() ? keep + 1 : keep;
        List<KeyValue> gone = versions.subList(0, drop);
        long freed = gone.stream().mapToLong(KeyHistory::sizeOf).sum();
        gone.clear();
        return freed;
    }

    static long sizeOf(KeyValue kv) {
        // bbolt stores the revision key (17 bytes) and the marshalled KeyValue: key, value and three varints.
        return 17 + kv.key().length() + kv.value().length() + 24;
    }

    private int lastIndexAtOrBefore(long revision) {
        int low = 0;
        int high = versions.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (versions.get(mid).modRevision() <= revision) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private static KeyValue liveOrNull(KeyValue kv) {
        return kv.isTombstone() ? null : kv;
    }
}
