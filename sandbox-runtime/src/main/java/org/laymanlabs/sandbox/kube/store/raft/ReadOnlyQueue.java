package org.laymanlabs.sandbox.kube.store.raft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mirrors etcd-io/raft read_only.go (ReadOnlySafe): reads waiting for a majority to acknowledge a
 * heartbeat that carried their context, which proves the leader still led when they arrived.
 */
final class ReadOnlyQueue {

    record Pending(long context, long from, long index, Set<Long> acks) {
    }

    private final Map<Long, Pending> pending = new LinkedHashMap<>();

    void add(long context, long from, long index) {
        pending.putIfAbsent(context, new Pending(context, from, index, new HashSet<>()));
    }

    /** Records an acknowledgement and returns how many voters acknowledged, or 0 for an unknown context. */
    int ack(long context, long voter) {
        Pending read = pending.get(context);
        if (read == null) {
            return 0;
        }
        read.acks().add(voter);
        return read.acks().size();
    }

    /** Releases the read with this context and every read queued before it. */
    List<Pending> releaseThrough(long context) {
        List<Pending> released = new ArrayList<>();
        if (!pending.containsKey(context)) {
            return released;
        }
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending read = it.next();
            it.remove();
            released.add(read);
            if (read.context() == context) {
                break;
            }
        }
        return released;
    }

    void clear() {
        pending.clear();
    }
}
