package org.laymanlabs.sandbox.kube.store;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;

/**
 * Mirrors clientv3.WatchResponse: a batch of events in revision order, or the end of the watch.
 *
 * @param compactRevision when cancelled because the start revision was compacted, the compacted revision
 */
public record WatchResponse(ResponseHeader header, List<Event> events, boolean canceled,
                            Optional<EtcdError> cancelReason, long compactRevision) {

    public WatchResponse {
        events = List.copyOf(events);
    }

    static WatchResponse canceled(ResponseHeader header, EtcdError reason, long compactRevision) {
        return new WatchResponse(header, List.of(), true, Optional.of(reason), compactRevision);
    }
}
