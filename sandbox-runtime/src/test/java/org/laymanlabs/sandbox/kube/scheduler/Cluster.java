package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

/** A control plane for scenario tests: three etcd members, an API server, and kubeadm-like nodes. */
final class Cluster {

    final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    final SplittableRandom random = new SplittableRandom(7);
    final EtcdCluster etcd;
    final ApiServer api;

    Cluster() {
        etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        for (String namespace : List.of("default", "kube-system")) {
            api.await(api.create(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()));
        }
    }

    /** A kubeadm control-plane node: tainted NoSchedule, 2 CPUs, 4 GiB. */
    static Node controlPlane(String name) {
        return new NodeBuilder(worker(name)).editMetadata().addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata()
                .editSpec().withTaints(new Taint("NoSchedule", "node-role.kubernetes.io/control-plane", null, null)).endSpec().build();
    }

    /** A worker with 2 CPUs, 4 GiB and room for 110 pods, labelled with its hostname as the kubelet labels it. */
    static Node worker(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
                .addToLabels("kubernetes.io/os", "linux").endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi"),
                        "pods", new Quantity("110"))).endStatus().build();
    }

    static Pod pod(String name, String cpu) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withContainers(new ContainerBuilder().withName("web").withImage("nginx:1.27")
                        .withNewResources().addToRequests("cpu", new Quantity(cpu)).endResources().build())
                .endSpec().build();
    }

    /** The standard kubeadm shape: one control-plane node and two workers. */
    Cluster withDefaultNodes() {
        create(controlPlane("control-plane"));
        create(worker("worker-1"));
        create(worker("worker-2"));
        return this;
    }

    <T extends io.fabric8.kubernetes.api.model.HasMetadata> T create(T object) {
        return api.await(api.create(object));
    }

    void run(Duration duration) {
        clock.advance(duration);
    }

    String nodeOf(String pod) {
        return api.get(Pod.class, "default", pod).orElseThrow().getSpec().getNodeName();
    }

    List<String> events(String pod) {
        return api.list(Event.class, "default").stream().filter(e -> e.getInvolvedObject().getName().equals(pod))
                .map(e -> e.getType() + " " + e.getReason() + " " + e.getMessage()).toList();
    }
}
