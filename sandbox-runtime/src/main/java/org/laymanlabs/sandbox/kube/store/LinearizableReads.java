package org.laymanlabs.sandbox.kube.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.store.mvcc.MvccException;
import org.laymanlabs.sandbox.kube.store.mvcc.MvccStore;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;
import org.laymanlabs.sandbox.kube.store.raft.RaftNode;
import org.laymanlabs.sandbox.kube.store.raft.ReadState;

/**
 * Mirrors etcd server/etcdserver/v3_server.go (linearizableReadLoop): a read waits until the
 * leader confirms its commit index by a quorum round (ReadIndex) and this member has applied that
 * far, then runs against the local store. Without a leader it keeps asking until its deadline.
 */
final class LinearizableReads {

    /** Ask again if the leader has not confirmed within this many ticks (etcd retries every 500 ms). */
    private static final int RETRY_TICKS = 5;

    private static final class Pending {
        final RangeRequest request;
        final Call<RangeResponse> call;
        long index = -1;
        int ticksSinceAsked = RETRY_TICKS;

        Pending(RangeRequest request, Call<RangeResponse> call) {
            this.request = request;
            this.call = call;
        }
    }

    /** The answering member's header, made only when a read is served. */
    interface Header extends java.util.function.Supplier<ResponseHeader>, java.io.Serializable {
    }

    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    void add(long context, RangeRequest request, Call<RangeResponse> call) {
        pending.put(context, new Pending(request, call));
        call.whenDone(c -> pending.remove(context));
    }

    /** Sends ReadIndex for every read not yet confirmed whose last request may have been lost. */
    void ask(RaftNode raft) {
        if (pending.isEmpty()) {
            return; // Every tick asks: an idle member must not copy an empty map ten times a second.
        }
        for (Map.Entry<Long, Pending> entry : List.copyOf(pending.entrySet())) {
            Pending read = entry.getValue();
            if (read.index < 0 && ++read.ticksSinceAsked > RETRY_TICKS && raft.readIndex(entry.getKey())) {
                read.ticksSinceAsked = 0;
            }
        }
    }

    void confirmed(ReadState state) {
        Pending read = pending.get(state.context());
        if (read != null && read.index < 0) {
            read.index = state.index();
        }
    }

    /** Serves every confirmed read this member has applied far enough for. */
    void serve(MvccStore store, long appliedIndex, Header header) {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> ready = new ArrayList<>();
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending read = it.next();
            if (read.index >= 0 && read.index <= appliedIndex) {
                it.remove();
                ready.add(read);
            }
        }
        for (Pending read : ready) {
            try {
                read.call.complete(store.range(read.request), header.get());
            } catch (MvccException e) {
                read.call.fail(EtcdError.of(e.error()));
            }
        }
    }

    void failAll(EtcdError error) {
        List.copyOf(pending.values()).forEach(read -> read.call.fail(error));
        pending.clear();
    }
}
