package org.laymanlabs.sandbox.kube.store.mvcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mirrors etcd server/storage/mvcc/kvstore_txn.go (storeTxnWrite): the writes of one transaction.
 * They share the next main revision and take sub revisions in order; reads inside the transaction
 * see its own earlier writes. Nothing becomes visible to watchers until {@link #end()}.
 */
final class WriteTxn {

    private final MvccStore store;
    private final long main;
    private final List<MvccStore.Change> written = new ArrayList<>();

    WriteTxn(MvccStore store) {
        this.store = store;
        this.main = store.currentRevision + 1;
    }

    OpResponse apply(Op op) {
        if (op instanceof PutRequest put) {
            return put(put);
        }
        if (op instanceof DeleteRangeRequest delete) {
            return deleteRange(delete);
        }
        return store.rangeAt((RangeRequest) op, written.isEmpty() ? store.currentRevision : main);
    }

    PutResponse put(PutRequest request) {
        KeyValue previous = store.liveNow(request.key());
        long created = previous == null ? main : previous.createRevision();
        long version = previous == null ? 1 : previous.version() + 1;
        write(new KeyValue(request.key(), request.value(), created, main, version));
        return new PutResponse(main, Optional.ofNullable(request.prevKv() ? previous : null));
    }

    DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
        List<KeyValue> deleted = new ArrayList<>();
        for (KeyHistory history : List.copyOf(store.candidates(request.range()))) {
            KeyValue live = history.live();
            if (live != null) {
                deleted.add(live);
            }
        }
        deleted.forEach(kv -> write(KeyValue.tombstone(kv.key(), main)));
        long revision = written.isEmpty() ? store.currentRevision : main;
        return new DeleteRangeResponse(revision, deleted.size(), request.prevKv() ? deleted : List.of());
    }

    private void write(KeyValue kv) {
        store.recordWrite(kv);
        written.add(new MvccStore.Change(new Revision(main, written.size()), kv));
    }

    /** Publishes the writes, if any, as one new revision. */
    void end() {
        if (!written.isEmpty()) {
            store.commit(main, written);
        }
    }
}
