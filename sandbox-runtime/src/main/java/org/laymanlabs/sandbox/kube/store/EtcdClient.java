package org.laymanlabs.sandbox.kube.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.Op;
import org.laymanlabs.sandbox.kube.store.mvcc.PutRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.PutResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnResponse;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors go.etcd.io/etcd/client/v3 (the KV, Watch, Maintenance and Cluster APIs) for code in the
 * sandbox, such as the API server. Each request goes to the first running endpoint; writes return
 * once committed and applied there, linearizable reads once the leader confirmed them. A request
 * nobody answers fails with "context deadline exceeded" at the client's deadline.
 */
public final class EtcdClient {

    private final EtcdCluster cluster;
    private final List<String> endpoints;
    private final Duration timeout;

    EtcdClient(EtcdCluster cluster, List<String> endpoints, Duration timeout) {
        this.cluster = cluster;
        this.endpoints = List.copyOf(endpoints);
        this.timeout = timeout;
    }

    /** The same client with another per-request deadline (etcdctl's --command-timeout). */
    public EtcdClient withTimeout(Duration deadline) {
        return new EtcdClient(cluster, endpoints, deadline);
    }

    public List<String> endpoints() {
        return endpoints;
    }

    public Call<PutResponse> put(String key, String value) {
        return put(PutRequest.of(key, value));
    }

    public Call<PutResponse> put(PutRequest put) {
        return write(put).map(txn -> (PutResponse) txn.responses().get(0));
    }

    public Call<RangeResponse> get(String key) {
        return range(RangeRequest.key(key));
    }

    public Call<RangeResponse> range(RangeRequest range) {
        if (range.range().key().isEmpty()) {
            return failed(EtcdError.EMPTY_KEY);
        }
        return dispatch((member, call) -> member.range(range, call));
    }

    public Call<DeleteRangeResponse> delete(String key) {
        return deleteRange(DeleteRangeRequest.key(key));
    }

    public Call<DeleteRangeResponse> deleteRange(DeleteRangeRequest delete) {
        return write(delete).map(txn -> (DeleteRangeResponse) txn.responses().get(0));
    }

    public Call<TxnResponse> txn(TxnRequest txn) {
        Optional<EtcdError> invalid = validate(txn.success()).or(() -> validate(txn.failure()));
        if (invalid.isPresent()) {
            return failed(invalid.get());
        }
        return dispatch((member, call) -> member.txn(txn, call));
    }

    /** Compacts the history of every member up to {@code revision}; answers the revision after it. */
    public Call<Long> compact(long revision) {
        return dispatch((member, call) -> member.compact(revision, call));
    }

    /**
     * Watches a key or range. Events arrive through {@code listener} in revision order, none lost:
     * if the serving member goes away the watch resumes on another endpoint from the next revision.
     */
    public Watch watch(WatchRequest request, Watch.Listener listener) {
        Watch watch = new Watch(this, request, listener);
        watch.attach(true);
        return watch;
    }

    /** The status of one endpoint, which need not be one of this client's (etcdctl endpoint status). */
    public Call<StatusResponse> status(String endpoint) {
        return dispatchTo(cluster.memberAt(endpoint), (member, call) -> call.complete(member.status(), member.header()));
    }

    public Call<List<MemberInfo>> memberList() {
        return dispatch((member, call) -> call.complete(member.memberList(), member.header()));
    }

    private Call<TxnResponse> write(Op op) {
        return txn(new TxnRequest(List.of(), List.of(op), List.of()));
    }

    /** etcd's v3rpc checkTxnRequest / checkIntervals: no key may be written twice in one branch. */
    private static Optional<EtcdError> validate(List<Op> ops) {
        Set<String> written = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof PutRequest put && (put.key().isEmpty() || !written.add(put.key()))) {
                return Optional.of(put.key().isEmpty() ? EtcdError.EMPTY_KEY : EtcdError.DUPLICATE_KEY);
            }
        }
        for (Op op : ops) {
            if (op instanceof DeleteRangeRequest delete && written.stream().anyMatch(delete.range()::contains)) {
                return Optional.of(EtcdError.DUPLICATE_KEY);
            }
        }
        return Optional.empty();
    }

    Optional<EtcdMember> pick() {
        return endpoints.stream().map(cluster::memberAt).flatMap(Optional::stream)
                .filter(EtcdMember::isRunning).findFirst();
    }

    private <T> Call<T> dispatch(BiConsumer<EtcdMember, Call<T>> send) {
        return dispatchTo(pick(), send);
    }

    private <T> Call<T> dispatchTo(Optional<EtcdMember> member, BiConsumer<EtcdMember, Call<T>> send) {
        Call<T> call = new Call<>();
        VirtualClock.Timer deadline = cluster.clock().schedule(timeout, () -> call.fail(EtcdError.DEADLINE_EXCEEDED));
        call.whenDone(c -> deadline.cancel());
        if (member.isPresent() && member.get().isRunning()) {
            send.accept(member.get(), call);
        }
        return call;
    }

    private static <T> Call<T> failed(EtcdError error) {
        Call<T> call = new Call<>();
        call.fail(error);
        return call;
    }

    VirtualClock clock() {
        return cluster.clock();
    }
}
