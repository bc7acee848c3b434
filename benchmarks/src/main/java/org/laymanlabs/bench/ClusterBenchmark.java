package org.laymanlabs.bench;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.kube.ClusterSpec;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
}
