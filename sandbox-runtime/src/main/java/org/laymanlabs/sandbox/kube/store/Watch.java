package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;

/**
 * Mirrors clientv3's watcher (client/v3/watch.go): one watch as the client sees it. It remembers
 * the next revision it needs, so that when its member goes away it resumes on another endpoint
 * without losing or repeating an event. It ends only when cancelled, or when the history it needs
 * was compacted away.
 */
public final class Watch {

    /** Where a watch's responses go; serializable, as a checkpointed sandbox keeps its watches. */
    public interface Listener extends Consumer<WatchResponse>, java.io.Serializable {
    }

    private static final Duration RECONNECT = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EtcdClient client;
    private final WatchRequest request;
    private final Listener listener;
    private EtcdMember servedBy;
    private EtcdMember.MemberWatch served;
    private long nextRevision;
    private boolean canceled;

    Watch(EtcdClient client, WatchRequest request, Listener listener) {
        this.client = client;
        this.request = request;
        this.listener = listener;
        this.nextRevision = request.startRevision();
    }

    void attach(boolean first) {
        if (canceled) {
            return;
        }
        Optional<EtcdMember> member = client.pick();
        if (member.isEmpty()) {
            client.clock().schedule(RETRY, () -> attach(false));
            return;
        }
        try {
            WatchRequest from = new WatchRequest(request.range(), nextRevision, request.prevKv());
            servedBy = member.get();
            served = servedBy.watch(from, this::deliver, this::disconnected);
            if (nextRevision <= 0) {
                nextRevision = servedBy.header().revision() + 1;
            }
        } catch (EtcdException e) {
            servedBy = null;
            if (e.error() == EtcdError.COMPACTED) {
                end(member.get(), e.error(), member.get().compactRevision());
            } else if (first) {
                end(member.get(), e.error(), 0);
            } else {
                client.clock().schedule(RETRY, () -> attach(false));
            }
        }
    }

    private void deliver(WatchResponse response) {
        List<Event> events = response.events();
        nextRevision = events.get(events.size() - 1).kv().modRevision() + 1;
        listener.accept(response);
    }

    private void disconnected() {
        served = null;
        servedBy = null;
        client.clock().schedule(RECONNECT, () -> attach(false));
    }

    private void end(EtcdMember member, EtcdError reason, long compactRevision) {
        canceled = true;
        listener.accept(WatchResponse.canceled(member.header(), reason, compactRevision));
    }

    /** The revision the next event will have at the earliest. */
    public long nextRevision() {
        return nextRevision;
    }

    public boolean isCanceled() {
        return canceled;
    }

    public void cancel() {
        canceled = true;
        if (served != null) {
            servedBy.unwatch(served);
            served = null;
        }
    }
}
