package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mirrors etcd server/storage/mvcc/kvstore.go and watchable_store.go: a multi-version key-value
 * store. Every transaction that writes gets the next main revision; every key keeps its versions
 * until compaction frees them; watchers see each change after their start revision once, in order.
 * One member of the cluster owns one store and feeds it committed entries in log order.
 */
public final class MvccStore {

    /** A fresh etcd's bbolt file, before any user key is written (etcdctl shows "20 kB"). */
    private static final long EMPTY_DB_BYTES = 20 * 1024;
    private static final long PAGE_BYTES = 4096;

    final NavigableMap<String, KeyHistory> keys = new TreeMap<>();
    /** Every change since the compacted revision, in revision order: the watchable history. */
    final List<Change> changes = new ArrayList<>();
    private final List<Watcher> watchers = new ArrayList<>();
    long currentRevision = 1;
    private long compactRevision;
    private long bytesInUse;
    private long bytesHighWater;

    /** One write to one key at one revision; a tombstone for a delete. */
    record Change(Revision revision, KeyValue kv) {
    }

    public long currentRevision() {
        return currentRevision;
    }

    public long compactRevision() {
        return compactRevision;
    }

    /** How many keys exist now. */
    public int keyCount() {
        return (int) keys.values().stream().filter(h -> h.live() != null).count();
    }

    /** How many versions and tombstones the store holds; compaction shrinks it. */
    public int retainedVersions() {
        return keys.values().stream().mapToInt(KeyHistory::size).sum();
    }

    /**
     * The size etcd reports as DB SIZE: like a bbolt file it grows with the history and does not
     * shrink when compaction frees pages (only a defragmentation would give them back).
     */
    public long dbSizeBytes() {
        long pages = (bytesHighWater + PAGE_BYTES - 1) / PAGE_BYTES;
        return EMPTY_DB_BYTES + pages * PAGE_BYTES;
    }

    /** etcd's DB SIZE IN USE: the pages the retained history needs; compaction lowers it. */
    public long dbSizeInUseBytes() {
        long pages = (bytesInUse + PAGE_BYTES - 1) / PAGE_BYTES;
        return EMPTY_DB_BYTES + pages * PAGE_BYTES;
    }

    public RangeResponse range(RangeRequest request) {
        return rangeAt(request, currentRevision);
    }

    RangeResponse rangeAt(RangeRequest request, long current) {
        long revision = request.revision() <= 0 ? current : request.revision();
        if (revision > current) {
            throw new MvccException(MvccError.FUTURE_REVISION);
        }
        if (revision < compactRevision) {
            throw new MvccException(MvccError.COMPACTED);
        }
        List<KeyValue> found = new ArrayList<>();
        long count = 0;
        for (KeyHistory history : candidates(request.range())) {
            KeyValue kv = history.liveAt(revision);
            if (kv == null) {
                continue;
            }
            count++;
            if (!request.countOnly() && (request.limit() == 0 || found.size() < request.limit())) {
                found.add(request.keysOnly() ? kv.withoutValue() : kv);
            }
        }
        boolean more = request.limit() > 0 && count > request.limit();
        return new RangeResponse(found, more, count, current);
    }

    Collection<KeyHistory> candidates(KeyRange range) {
        if (range.isSingleKey()) {
            KeyHistory history = keys.get(range.key());
            return history == null ? List.of() : List.of(history);
        }
        if (range.isFromKey()) {
            return keys.tailMap(range.key(), true).values();
        }
        if (range.end().compareTo(range.key()) <= 0) {
            return List.of();
        }
        return keys.subMap(range.key(), true, range.end(), false).values();
    }

    public PutResponse put(PutRequest request) {
        WriteTxn txn = new WriteTxn(this);
        PutResponse response = txn.put(request);
        txn.end();
        return new PutResponse(currentRevision, response.prevKv());
    }

    public DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
        WriteTxn txn = new WriteTxn(this);
        DeleteRangeResponse response = txn.deleteRange(request);
        txn.end();
        return new DeleteRangeResponse(currentRevision, response.deleted(), response.prevKvs());
    }

    /** Runs the branch the compares choose, as one revision (kvstore_txn.go). */
    public TxnResponse txn(TxnRequest request) {
        boolean succeeded = request.compare().stream().allMatch(c -> c.holdsFor(liveNow(c.key())));
        WriteTxn txn = new WriteTxn(this);
        List<OpResponse> responses = new ArrayList<>();
        for (Op op : succeeded ? request.success() : request.failure()) {
            responses.add(txn.apply(op));
        }
        txn.end();
        return new TxnResponse(currentRevision, succeeded, responses);
    }

    KeyValue liveNow(String key) {
        KeyHistory history = keys.get(key);
        return history == null ? null : history.live();
    }

    /**
     * Forgets every version superseded at {@code revision} (kvstore_compaction.go). Reads and
     * watches below it then fail with {@link MvccError#COMPACTED}.
     */
    public void compact(long revision) {
        if (revision <= compactRevision) {
            throw new MvccException(MvccError.COMPACTED);
        }
        if (revision > currentRevision) {
            throw new MvccException(MvccError.FUTURE_REVISION);
        }
        compactRevision = revision;
        keys.values().removeIf(history -> {
            bytesInUse -= history.compact(revision);
            return history.isEmpty();
        });
        changes.removeIf(change -> change.revision().main() < revision);
    }

    /**
     * The store's data without its watchers, as etcd's backend snapshot carries it to a follower
     * that fell behind the leader's compacted Raft log (server.go createMergedSnapshotMessage).
     * Key values are immutable, so the copy shares them.
     */
    public MvccStore copy() {
        MvccStore copy = new MvccStore();
        keys.forEach((key, history) -> copy.keys.put(key, history.copy()));
        copy.changes.addAll(changes);
        copy.currentRevision = currentRevision;
        copy.compactRevision = compactRevision;
        copy.bytesInUse = bytesInUse;
        copy.bytesHighWater = bytesHighWater;
        return copy;
    }

    /**
     * Takes a snapshot's data in place of this store's (kvstore.go Restore). As watchable_store.go
     * moves its watchers to the unsynced group, each watcher then receives the revisions it had not
     * seen, from the snapshot's history.
     */
    public void restore(MvccStore snapshot) {
        long seen = currentRevision;
        keys.clear();
        snapshot.keys.forEach((key, history) -> keys.put(key, history.copy()));
        changes.clear();
        changes.addAll(snapshot.changes);
        currentRevision = snapshot.currentRevision;
        compactRevision = snapshot.compactRevision;
        bytesInUse = snapshot.bytesInUse;
        bytesHighWater = Math.max(bytesHighWater, snapshot.bytesHighWater);
        List<Change> missed = changes.stream().filter(c -> c.revision().main() > seen).toList();
        for (Watcher watcher : List.copyOf(watchers)) {
            watcher.deliver(eventsFor(watcher, missed));
        }
    }

    /**
     * Watches {@code range} from {@code startRevision} (0 or less: from the next write). The
     * history from that revision is delivered at once, then every new revision as it is written.
     */
    public Watcher watch(KeyRange range, long startRevision, boolean prevKv, Watcher.Sink sink) {
        long start = startRevision <= 0 ? currentRevision + 1 : startRevision;
        if (start < compactRevision) {
            throw new MvccException(MvccError.COMPACTED);
        }
        Watcher[] self = new Watcher[1];
        Watcher watcher = new Watcher(range, prevKv, sink, () -> watchers.remove(self[0]));
        self[0] = watcher;
        watchers.add(watcher);
        watcher.deliver(eventsFor(watcher, changes.stream().filter(c -> c.revision().main() >= start).toList()));
        return watcher;
    }

    public int watcherCount() {
        return watchers.size();
    }

    void recordWrite(KeyValue kv) {
        keys.computeIfAbsent(kv.key(), k -> new KeyHistory()).add(kv);
        bytesInUse += KeyHistory.sizeOf(kv);
        bytesHighWater = Math.max(bytesHighWater, bytesInUse);
    }

    void commit(long revision, List<Change> written) {
        currentRevision = revision;
        changes.addAll(written);
        for (Watcher watcher : List.copyOf(watchers)) {
            watcher.deliver(eventsFor(watcher, written));
        }
    }

    private KeyValue liveBefore(KeyValue kv) {
        KeyHistory history = keys.get(kv.key());
        return history == null ? null : history.liveAt(kv.modRevision() - 1);
    }

    private List<Event> eventsFor(Watcher watcher, List<Change> written) {
        List<Event> events = new ArrayList<>();
        for (Change change : written) {
            KeyValue kv = change.kv();
            if (!watcher.range().contains(kv.key())) {
                continue;
            }
            KeyValue previous = watcher.wantsPrevKv() ? liveBefore(kv) : null;
            Event.Type type = kv.isTombstone() ? Event.Type.DELETE : Event.Type.PUT;
            events.add(new Event(type, kv, Optional.ofNullable(previous)));
        }
        return events;
    }
}
