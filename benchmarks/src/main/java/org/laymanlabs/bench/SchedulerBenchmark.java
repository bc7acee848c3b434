package org.laymanlabs.bench;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.WatchEvent;
import org.laymanlabs.sandbox.kube.scheduler.Scheduler;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * kube-scheduler in a stress sandbox (issue 5): 1,000 nodes (one kubeadm control-plane node,
 * tainted, and 999 workers) and 30,000 pending pods of 300 ReplicaSets, all through the real API
 * server over three Raft-replicated etcd members. One shot is the wall time from starting the
 * scheduler until every pod is bound, which includes each binding's write through Raft, the
 * watch events back into the scheduler's cache, and a Scheduled Event per pod. Goal: at least
 * 2,000 pods/s, that is at most 15 s for the 30,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SchedulerBenchmark {

    static final int REPLICAS = 100;

    /** Nodes in the cluster; {@code -Dbench.nodes} changes the plain run's. */
    @Param("1000")
    int nodes = Integer.getInteger("bench.nodes", 1_000);

    /** ReplicaSets of 100 pods each; {@code -Dbench.replicaSets} changes the plain run's. */
    @Param("300")
    int replicaSets = Integer.getInteger("bench.replicaSets", 300);

    private VirtualClock clock;
    private ApiServer api;
    private Scheduler scheduler;
    private int[] bound;

    /** A fresh cluster per shot: the pods are created, pending, before the scheduler starts. */
    @Setup(Level.Iteration)
    public void thousandNodesAndThirtyThousandPendingPods() {
        clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        SplittableRandom random = new SplittableRandom(5);
        EtcdCluster etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        createAll(List.of(namespace("default"), namespace("kube-system")));
        List<HasMetadata> nodeObjects = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            nodeObjects.add(i == 0 ? controlPlane() : worker("worker-" + i));
        }
        createAll(nodeObjects);
        List<HasMetadata> workloads = new ArrayList<>();
        for (int r = 0; r < replicaSets; r++) {
            workloads.add(replicaSet(r));
        }
        createAll(workloads);
        List<HasMetadata> pods = new ArrayList<>();
        for (int r = 0; r < replicaSets; r++) {
            ReplicaSet rs = api.get(ReplicaSet.class, "default", "app-" + r + "-5d8f7c9b6d").orElseThrow();
            for (int p = 0; p < REPLICAS; p++) {
                pods.add(pod(rs, p));
            }
        }
        createAll(pods);
        bound = new int[1];
        api.watch(ApiResources.PODS, "", api.resourceVersion(), event -> countBinding(event, bound));
        scheduler = new Scheduler(api, "control-plane", random);
    }

    @Benchmark
    public int scheduleThirtyThousandPods() {
        scheduler.start();
        while (bound[0] < pods()) {
            clock.advance(Duration.ofMillis(5));
        }
        scheduler.stop();
        return bound[0];
    }

    int pods() {
        return replicaSets * REPLICAS;
    }

    private static void countBinding(WatchEvent event, int[] bound) {
        if (event.type() == WatchEvent.Type.MODIFIED && ((Pod) event.object()).getSpec().getNodeName() != null) {
            bound[0]++;
        }
    }

    /** Creates in batches, running the clock until each batch is stored, as many clients writing at once would. */
    private void createAll(List<? extends HasMetadata> objects) {
        for (int from = 0; from < objects.size(); from += 1_000) {
            List<CompletableFuture<HasMetadata>> batch = new ArrayList<>();
            for (HasMetadata object : objects.subList(from, Math.min(objects.size(), from + 1_000))) {
                batch.add(api.create(object));
            }
            while (!batch.stream().allMatch(CompletableFuture::isDone)) {
                clock.advance(Duration.ofMillis(5));
            }
            batch.forEach(CompletableFuture::join);
        }
    }

    private static HasMetadata namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    private static Node worker(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("kubernetes.io/hostname", name)
                .addToLabels("kubernetes.io/os", "linux").addToLabels("kubernetes.io/arch", "amd64").endMetadata()
                .withNewSpec().withPodCIDR("10.244.0.0/24").endSpec()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity("32"), "memory", new Quantity("128Gi"),
                        "pods", new Quantity("110"), "ephemeral-storage", new Quantity("100Gi")))
                .withImages(new ContainerImage(List.of("registry.k8s.io/pause:3.10"), 320_368L),
                        new ContainerImage(List.of("nginx:1.27"), 72_000_000L))
                .endStatus().build();
    }

    private static Node controlPlane() {
        return new NodeBuilder(worker("control-plane")).editMetadata().addToLabels("node-role.kubernetes.io/control-plane", "")
                .endMetadata().editSpec().withTaints(new Taint("NoSchedule", "node-role.kubernetes.io/control-plane", null, null))
                .endSpec().build();
    }

    private static ReplicaSet replicaSet(int r) {
        return new ReplicaSetBuilder().withNewMetadata().withName("app-" + r + "-5d8f7c9b6d").endMetadata()
                .withNewSpec().withReplicas(REPLICAS).withNewSelector().addToMatchLabels("app", "app-" + r)
                .addToMatchLabels("pod-template-hash", "5d8f7c9b6d").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "app-" + r).addToLabels("pod-template-hash", "5d8f7c9b6d")
                .endMetadata().withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static Pod pod(ReplicaSet rs, int p) {
        return new PodBuilder().withNewMetadata().withName(rs.getMetadata().getName() + "-" + p)
                .withLabels(rs.getSpec().getTemplate().getMetadata().getLabels())
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(rs.getMetadata().getName())
                .withUid(rs.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
                .endMetadata().withNewSpec().withContainers(new ContainerBuilder().withName("app").withImage("nginx:1.27")
                        .withNewResources().addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
                        .endResources().build()).endSpec().build();
    }

    /** A plain run for profiling: java -cp … org.laymanlabs.bench.SchedulerBenchmark */
    public static void main(String[] args) {
        for (int shot = 0; shot < (args.length > 0 ? Integer.parseInt(args[0]) : 1); shot++) {
            SchedulerBenchmark bench = new SchedulerBenchmark();
            long setup = System.nanoTime();
            bench.thousandNodesAndThirtyThousandPendingPods();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            bench.scheduleThirtyThousandPods();
            long end = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            System.out.printf("setup %.1f s, scheduling %.2f s wall (%.0f pods/s), %.2f s CPU (%.0f pods/s)%n",
                    (start - setup) / 1e9, (end - start) / 1e9, bench.pods() / ((end - start) / 1e9), cpu / 1e9, bench.pods() / (cpu / 1e9));
        }
    }
}
