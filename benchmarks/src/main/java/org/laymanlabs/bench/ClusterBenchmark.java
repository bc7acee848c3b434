package org.laymanlabs.bench;

import io.fabric8.kubernetes.api.model.Endpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a learner waits for before the first prompt (issue "control plane"): a kubeadm-style
 * cluster of three nodes booted to a steady state (etcd's leader elected and members published,
 * the API server's bootstrap objects written, every node registered and Ready), and a whole
 * sandbox (the laptop's Docker engine plus that cluster). Goal: at most 50 ms.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class ClusterBenchmark {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private long seed;

    @Benchmark
    public Cluster bootAThreeNodeCluster() {
        return Cluster.start(new VirtualClock(START), new SplittableRandom(seed++), ClusterSpec.kubeadmDefault());
    }

    @Benchmark
    public Sandbox createASandbox() {
        return Sandbox.create(new SandboxSpec(seed++, START));
    }

    private static final String WEB = String.join("\n",
            "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: web", "spec:", "  replicas: 3",
            "  selector: {matchLabels: {app: web}}", "  template:", "    metadata: {labels: {app: web}}",
            "    spec: {containers: [{name: web, image: \"nginx:1.27\", ports: [{containerPort: 80}]}]}", "---",
            "apiVersion: v1", "kind: Service", "metadata:", "  name: web", "spec:", "  selector: {app: web}",
            "  ports: [{port: 80}]", "");

    /** A fresh sandbox with web.yaml (a 3-replica Deployment and its Service) in the workspace. */
    @State(Scope.Thread)
    public static class Fresh {
        Sandbox sandbox;

        @Setup(Level.Invocation)
        public void sandboxWithAManifest() {
            sandbox = Sandbox.create(new SandboxSpec(7, START));
            sandbox.workspace().write("/home/learner/web.yaml", WEB);
        }
    }

    /**
     * {@code kubectl apply -f web.yaml}, then the cluster's own work until all three pods are Ready
     * and listed in the Service's Endpoints (goal: at most 5 s of virtual time, checked by
     * ControllerScenarioTest, and 20 ms of CPU, this figure, on the one thread that runs it).
     */
    @Benchmark
    public Duration applyADeploymentAndServiceUntilReady(Fresh fresh) {
        Sandbox sandbox = fresh.sandbox;
        Instant applied = sandbox.clock().now();
        if (sandbox.shell().run("kubectl apply -f web.yaml").exitCode() != 0) {
            throw new IllegalStateException("apply failed");
        }
        ApiServer api = sandbox.cluster().api();
        while (!allReady(api)) {
            sandbox.clock().advance(Duration.ofMillis(100));
        }
        return Duration.between(applied, sandbox.clock().now());
    }

    private static boolean allReady(ApiServer api) {
        return api.get(Endpoints.class, "default", "web")
                .map(e -> !e.getSubsets().isEmpty() && e.getSubsets().get(0).getAddresses().size() == 3).orElse(false);
    }
}
