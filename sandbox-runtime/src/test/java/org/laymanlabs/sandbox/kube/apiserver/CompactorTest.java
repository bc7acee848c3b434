package org.laymanlabs.sandbox.kube.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.kube.store.EtcdException;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.time.VirtualClock;

/** kube-apiserver's compactor (storage/etcd3/compact.go) against a three-member etcd on the virtual clock. */
class CompactorTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private EtcdCluster etcd;
    private ApiServer api;

    @BeforeEach
    void startControlPlane() {
        SplittableRandom random = new SplittableRandom(7);
        etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()));
    }

    private ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .addToData("v", value).build();
    }

    private KeyValue compactRevKey() {
        return etcd.await(etcd.client().get(Compactor.KEY)).kvs().get(0);
    }

    @Test
    void theFirstIntervalRecordsTheRevisionUnderCompactRevKeyAndCompactsNothing() {
        assertThat(etcd.await(etcd.client().get(Compactor.KEY)).kvs()).isEmpty();

        clock.advance(Compactor.INTERVAL.plusSeconds(1));

        KeyValue key = compactRevKey();
        assertThat(key.value()).isEqualTo("0");
        assertThat(key.version()).isEqualTo(1);
        assertThat(etcd.await(etcd.client().range(RangeRequest.key("/registry/namespaces/default").atRevision(2))).kvs())
                .hasSize(1);
    }

    @Test
    void eachLaterIntervalCompactsToTheRevisionRecordedOneIntervalBefore() {
        clock.advance(Compactor.INTERVAL.plusSeconds(1));
        long recorded = compactRevKey().modRevision();
        api.await(api.create(configMap("settings", "one")));
        api.await(api.update(configMap("settings", "two")));

        clock.advance(Compactor.INTERVAL);

        KeyValue key = compactRevKey();
        assertThat(key.value()).isEqualTo(Long.toString(recorded));
        assertThat(key.version()).isEqualTo(2);
        assertThatThrownBy(() -> etcd.await(etcd.client().range(RangeRequest.key("/registry/namespaces/default")
                .atRevision(recorded - 1))))
                .isInstanceOf(EtcdException.class)
                .hasMessage("etcdserver: mvcc: required revision has been compacted");
        // Everything written after the recorded revision is still there to read or watch from.
        assertThat(etcd.await(etcd.client().range(RangeRequest.key("/registry/configmaps/default/settings")
                .atRevision(recorded + 1))).kvs()).extracting(KeyValue::value).allMatch(v -> v.contains("\"one\""));
    }

    @Test
    void anotherApiServerThatRecordedThisIntervalFirstLeavesTheCompactionToIt() {
        ApiServer second = new ApiServer(etcd.client(), clock, new SplittableRandom(8));
        clock.advance(Duration.ofMinutes(1));
        second.start();

        clock.advance(Duration.ofMinutes(4).plusSeconds(1));
        assertThat(compactRevKey().version()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        // The second server's compare on version 0 failed: it adopted version 1 and wrote nothing.
        assertThat(compactRevKey().version()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(compactRevKey().version()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1));
        assertThat(compactRevKey().version()).isEqualTo(2);
    }
}
