package org.laymanlabs.sandbox.kube.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

class EventRecorderTest {

    @Test
    void repeatsRecordedBeforeTheFirstWriteLandsAreAllCounted() {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        SplittableRandom random = new SplittableRandom(3);
        EtcdCluster etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        ApiServer api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()));
        Pod pod = api.await(api.create(new PodBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build()));
        EventRecorder recorder = new EventRecorder(api, "kubelet", "worker-1");

        for (int i = 0; i < 3; i++) {
            recorder.event(pod, EventRecorder.Type.Warning, "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503");
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(api.list(Event.class, "default")).singleElement().extracting(Event::getCount).isEqualTo(3);
    }
}
