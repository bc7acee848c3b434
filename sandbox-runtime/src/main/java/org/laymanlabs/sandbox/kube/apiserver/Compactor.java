package org.laymanlabs.sandbox.kube.apiserver;

import java.time.Duration;
import java.util.List;
import org.laymanlabs.sandbox.kube.store.Call;
import org.laymanlabs.sandbox.kube.store.EtcdClient;
import org.laymanlabs.sandbox.kube.store.mvcc.Compare;
import org.laymanlabs.sandbox.kube.store.mvcc.PutRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.TxnResponse;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors k8s.io/apiserver/pkg/storage/etcd3/compact.go: every --etcd-compaction-interval the API
 * server records etcd's current revision under compact_rev_key and compacts etcd to the revision it
 * recorded one interval earlier, so at least one interval of history stays for watches to resume
 * from. The key's version is a logical clock shared by every API server: a compare-and-swap on it
 * lets only one of them compact per interval (one that loses the race adopts the winner's time).
 */
final class Compactor {

    /** storagebackend.DefaultCompactInterval: kubeadm does not set --etcd-compaction-interval. */
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final String KEY = "compact_rev_key";

    private final EtcdClient etcd;
    private final VirtualClock clock;
    /** compact.go's compactTime: the version of compact_rev_key this server last wrote or saw. */
    private long compactTime;
    /** compact.go's rev: etcd's revision at the previous interval, compacted to at the next one. */
    private long revision;

    Compactor(EtcdClient etcd, VirtualClock clock) {
        this.etcd = etcd;
        this.clock = clock;
    }

    void start() {
        clock.schedule(INTERVAL, this::compact);
    }

    /** One turn of compactor's loop; the next interval starts once this one's requests are answered. */
    private void compact() {
        TxnRequest txn = new TxnRequest(List.of(Compare.version(KEY, Compare.Operator.EQUAL, compactTime)),
                List.of(PutRequest.of(KEY, Long.toString(revision))), // side effect: the key's version goes up by one
                List.of(RangeRequest.key(KEY)));
        etcd.txn(txn).whenDone(this::recorded);
    }

    private void recorded(Call<TxnResponse> call) {
        if (!call.succeeded()) {
            // klog's "etcd: endpoint (...) compact failed": keep both values and try at the next interval.
            clock.schedule(INTERVAL, this::compact);
            return;
        }
        TxnResponse response = call.get();
        long previous = revision;
        revision = response.revision();
        if (!response.succeeded()) {
            // Another API server compacted this interval: adopt its time, compact nothing.
            compactTime = ((RangeResponse) response.responses().get(0)).kvs().get(0).version();
            clock.schedule(INTERVAL, this::compact);
            return;
        }
        compactTime++;
        if (previous == 0) {
            // "We don't compact on bootstrap."
            clock.schedule(INTERVAL, this::compact);
            return;
        }
        etcd.compact(previous).whenDone(done -> clock.schedule(INTERVAL, this::compact));
    }
}
