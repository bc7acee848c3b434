package org.laymanlabs.sandbox.kube.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

class LeaderElectorTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final SplittableRandom random = new SplittableRandom(11);
    private final List<String> log = new ArrayList<>();
    private EtcdCluster etcd;
    private ApiServer api;

    @BeforeEach
    void startControlPlane() {
        etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("kube-system").endMetadata().build()));
    }

    private LeaderElector candidate(String identity) {
        return new LeaderElector(api, LeaderElector.Config.forComponent("kube-scheduler", identity), new LeaderElector.Callbacks() {
            @Override
            public void onStartedLeading() {
                log.add(clock.now() + " " + identity + " started leading");
            }

            @Override
            public void onStoppedLeading() {
                log.add(clock.now() + " " + identity + " stopped leading");
            }
        }, random, null);
    }

    private Lease lease() {
        return api.get(Lease.class, "kube-system", "kube-scheduler").orElseThrow();
    }

    @Test
    void theFirstCandidateCreatesTheLeaseAndLeads() {
        LeaderElector first = candidate("control-plane-1_a");
        first.run();
        clock.advance(Duration.ofMillis(100));
        assertThat(first.isLeader()).isTrue();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("control-plane-1_a");
        assertThat(lease().getSpec().getLeaseDurationSeconds()).isEqualTo(15);
        assertThat(lease().getSpec().getLeaseTransitions()).isZero();
    }

    @Test
    void aStandbyNeverLeadsWhileTheLeaderKeepsRenewing() {
        LeaderElector first = candidate("control-plane-1_a");
        first.run();
        clock.advance(Duration.ofSeconds(1));
        LeaderElector second = candidate("control-plane-2_b");
        second.run();
        String before = lease().getMetadata().getResourceVersion();
        clock.advance(Duration.ofMinutes(2));
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(lease().getMetadata().getResourceVersion()).as("renewed every retryPeriod").isNotEqualTo(before);
        assertThat(log).singleElement().asString().endsWith(" control-plane-1_a started leading");
    }

    @Test
    void theStandbyTakesOverOnceTheStoppedLeadersLeaseHasRunOut() {
        LeaderElector first = candidate("control-plane-1_a");
        first.run();
        LeaderElector second = candidate("control-plane-2_b");
        clock.advance(Duration.ofSeconds(1));
        second.run();
        clock.advance(Duration.ofSeconds(10));
        first.stop();
        Instant stopped = clock.now();
        clock.advance(Duration.ofSeconds(14));
        assertThat(second.isLeader()).as("the lease has not run out yet").isFalse();
        clock.advance(Duration.ofSeconds(8));
        assertThat(second.isLeader()).isTrue();
        assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("control-plane-2_b");
        assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
        Instant tookOver = Instant.parse(log.get(1).substring(0, log.get(1).indexOf(' ')));
        assertThat(Duration.between(stopped, tookOver)).isBetween(Duration.ofSeconds(15), Duration.ofMillis(21_500));
    }

    @Test
    void aLeaderThatCannotRenewWithinTheRenewDeadlineStopsLeading() {
        LeaderElector first = candidate("control-plane-1_a");
        first.run();
        clock.advance(Duration.ofSeconds(5));
        String etcdLeader = etcd.leader().orElseThrow().name();
        etcd.members().stream().map(m -> m.name()).filter(n -> !n.equals(etcdLeader)).forEach(etcd::stop);
        Instant quorumLost = clock.now();
        clock.advance(Duration.ofSeconds(15));
        assertThat(first.isLeader()).isFalse();
        assertThat(log).hasSize(2);
        Instant gaveUp = Instant.parse(log.get(1).substring(0, log.get(1).indexOf(' ')));
        assertThat(Duration.between(quorumLost, gaveUp)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(12));
        assertThat(log.get(1)).endsWith("control-plane-1_a stopped leading");
    }
}
