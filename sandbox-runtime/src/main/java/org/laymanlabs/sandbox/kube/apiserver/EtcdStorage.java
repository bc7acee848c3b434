package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.store.Call;
import org.laymanlabs.sandbox.kube.store.EtcdClient;
import org.laymanlabs.sandbox.kube.store.WatchRequest;
import org.laymanlabs.sandbox.kube.store.WatchResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.Compare;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.PutRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnResponse;

/**
 * Mirrors k8s.io/apiserver/pkg/storage/etcd3/store.go under the cacher: objects are JSON under
 * /registry/…, every write is a compare-and-swap transaction on the key's mod revision, and the
 * resourceVersion is the etcd revision. One watch on /registry/ feeds every resource's cache; a
 * write completes once the cache has seen it, so a read right after a write sees it.
 */
final class EtcdStorage {

    private final EtcdClient etcd;
    private final Codec codec = Codec.shared();
    private final Map<String, WatchCache> caches = new HashMap<>();
    private final TreeMap<Long, List<Then>> waiting = new TreeMap<>();
    /**
     * Objects this server encoded and sent to etcd, by key, until etcd reports the put back (or
     * refuses it; a put lost with its leader waits for the key's next event, which replaces it).
     */
    private final Map<String, Written> written = new HashMap<>();
    private long revision;

    /**
     * The parts of a write that wait for etcd and then for the cache. Serializable, as the call
     * in flight keeps them; a checkpoint still waits for a moment without one (their future).
     */
    private interface Then extends Runnable, java.io.Serializable {
    }

    private interface OnCommit extends java.util.function.Consumer<TxnResponse>, java.io.Serializable {
    }

    private interface Refusal extends java.util.function.Supplier<ApiException>, java.io.Serializable {
    }

    EtcdStorage(EtcdClient etcd, org.laymanlabs.sandbox.time.VirtualClock clock) {
        this.etcd = etcd;
        for (ResourceType type : ApiResources.ALL) {
            caches.put(type.prefix(""), new WatchCache(type, clock));
        }
    }

    /** Starts the cache's one watch, from etcd's first revision: the sandbox's store starts empty. */
    void start() {
        etcd.watch(new WatchRequest(org.laymanlabs.sandbox.kube.store.mvcc.KeyRange.prefix("/registry/"), 1, true),
                this::observe);
    }

    WatchCache cache(ResourceType type) {
        return caches.get(type.prefix(""));
    }

    long revision() {
        return revision;
    }

    private void observe(WatchResponse response) {
        for (Event event : response.events()) {
            KeyValue kv = event.kv();
            cacheFor(kv.key()).ifPresent(cache -> cache.apply(kv.key(), decode(cache.type(), event)));
            revision = kv.modRevision();
        }
        while (!waiting.isEmpty() && waiting.firstKey() <= revision) {
            waiting.pollFirstEntry().getValue().forEach(Then::run);
        }
    }

    private Optional<WatchCache> cacheFor(String key) {
        int end = key.lastIndexOf('/');
        for (String prefix = key.substring(0, end + 1); prefix.length() > "/registry/".length();
             prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1)) {
            WatchCache cache = caches.get(prefix);
            if (cache != null) {
                return Optional.of(cache);
            }
        }
        return Optional.empty();
    }

    private WatchEvent decode(ResourceType type, Event event) {
        if (event.type() == Event.Type.DELETE) {
            KeyValue last = event.prevKv().orElseThrow();
            return new WatchEvent(WatchEvent.Type.DELETED, withVersion(type, last.value(), event.kv().modRevision()),
                    event.kv().modRevision());
        }
        WatchEvent.Type kind = event.kv().version() == 1 ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED;
        KeyValue kv = event.kv();
        Written ours = written.remove(kv.key());
        HasMetadata object;
        if (ours != null && ours.json().equals(kv.value())) {
            object = ours.object();
            object.getMetadata().setResourceVersion(Long.toString(kv.modRevision()));
        } else {
            object = withVersion(type, kv.value(), kv.modRevision());
        }
        return new WatchEvent(kind, object, kv.modRevision());
    }

    /**
     * An object as this server encoded it for etcd. It becomes the cache's object when etcd
     * reports the same bytes back, instead of decoding them again: it is what decoding them
     * gives (the writers hand over objects they no longer hold, and nothing changes a cached
     * object), and its resourceVersion is then set, as decoding would set it.
     */
    private record Written(String json, HasMetadata object) {
    }

    private HasMetadata withVersion(ResourceType type, String json, long modRevision) {
        HasMetadata object = codec.fromStorage(json, type.type());
        object.getMetadata().setResourceVersion(Long.toString(modRevision));
        return object;
    }

    /** Creates the key if absent; answers the stored object, or AlreadyExists. */
    CompletableFuture<HasMetadata> create(ResourceType type, String key, HasMetadata object) {
        TxnRequest txn = new TxnRequest(List.of(Compare.createRevision(key, Compare.Operator.EQUAL, 0)),
                List.of(PutRequest.of(key, stored(key, object))), List.of());
        return commit(type, key, txn, () -> ApiException.alreadyExists(type, object.getMetadata().getName()));
    }

    /** Replaces the key if it still has {@code modRevision}; otherwise Conflict. */
    CompletableFuture<HasMetadata> update(ResourceType type, String key, HasMetadata object, long modRevision) {
        TxnRequest txn = new TxnRequest(List.of(Compare.modRevision(key, Compare.Operator.EQUAL, modRevision)),
                List.of(PutRequest.of(key, stored(key, object))), List.of());
        return commit(type, key, txn, () -> ApiException.conflict(type, object.getMetadata().getName()));
    }

    /** Deletes the key if it still has {@code modRevision}; answers the object as it was. */
    CompletableFuture<HasMetadata> delete(ResourceType type, String key, HasMetadata last, long modRevision) {
        TxnRequest txn = new TxnRequest(List.of(Compare.modRevision(key, Compare.Operator.EQUAL, modRevision)),
                List.of(DeleteRangeRequest.key(key)), List.of());
        CompletableFuture<HasMetadata> done = new CompletableFuture<>();
        whenCommitted(etcd.txn(txn), done, response -> {
            if (!response.succeeded()) {
                // Once the cache has the write that got in between, a retry reads the fresh object.
                afterRevision(response.revision(), () -> done.completeExceptionally(
                        ApiException.conflict(type, last.getMetadata().getName())));
            } else {
                afterRevision(response.revision(), () -> done.complete(last));
            }
        });
        return done;
    }

    private CompletableFuture<HasMetadata> commit(ResourceType type, String key, TxnRequest txn, Refusal refused) {
        CompletableFuture<HasMetadata> done = new CompletableFuture<>();
        whenCommitted(etcd.txn(txn), done, response -> {
            if (!response.succeeded()) {
                written.remove(key);
                // As for a refused delete: once the cache has the write that got in between, a retry reads it.
                afterRevision(response.revision(), () -> done.completeExceptionally(refused.get()));
            } else {
                afterRevision(response.revision(), () -> cache(type).get(key).ifPresentOrElse(done::complete,
                        () -> done.completeExceptionally(ApiException.notFound(type, key))));
            }
        });
        return done;
    }

    private static <T> void whenCommitted(Call<TxnResponse> call, CompletableFuture<T> done, OnCommit onSuccess) {
        call.whenDone(c -> {
            if (c.succeeded()) {
                onSuccess.accept(c.get());
            } else {
                done.completeExceptionally(ApiException.storage(c.error().orElseThrow().message()));
            }
        });
    }

    private void afterRevision(long wanted, Then then) {
        if (revision >= wanted) {
            then.run();
        } else {
            waiting.computeIfAbsent(wanted, r -> new ArrayList<>()).add(then);
        }
    }

    /**
     * kube-apiserver never stores the resourceVersion: it is the key's revision. The object is a
     * new one of the API server's own (never one the cache holds, whose resourceVersion this would
     * change): the cache takes it when etcd reports the put.
     */
    private String stored(String key, HasMetadata object) {
        String version = object.getMetadata().getResourceVersion();
        object.getMetadata().setResourceVersion(null);
        String json;
        try {
            json = codec.toStorage(object);
        } finally {
            object.getMetadata().setResourceVersion(version);
        }
        written.put(key, new Written(json, object));
        return json;
    }
}
