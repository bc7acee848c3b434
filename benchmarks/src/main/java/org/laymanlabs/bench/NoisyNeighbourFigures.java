package org.laymanlabs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.laymanlabs.backend.session.CpuMax;
import org.laymanlabs.backend.session.RunQueue;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxJournal;
import org.laymanlabs.backend.session.SessionProperties;

/**
 * Issue 12's noisy-neighbour rule in wall time: the other learners' command latency p99 beside one
 * abusive learner, against their p99 without it (goal: at most twice). Sandboxes run as the server
 * runs them ({@link RunQueue#server}: a pool of the server's size shared fairly, a throttled lane,
 * the default CPU quota). Eight neighbours type {@code docker ps} in turn, one every 20 ms, sent on
 * time whether the last was answered or not; a latency is from the sending to the answer on the
 * sandbox's thread. The abuser runs a million-replica Deployment and a {@code while true} in a
 * container, and floods lines with long outputs and its cluster's clock, three at a time, each sent
 * the moment the one before is answered. Baseline and abused phases alternate, so that whatever
 * else the machine does weighs on both alike; each figure's p99 is over all its phases' samples.
 * {@code NoisyNeighbourTest} shows the same rule in simulated time, where it cannot flake.
 */
final class NoisyNeighbourFigures {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int NEIGHBOURS = 8;
    private static final int SAMPLES_PER_PHASE = 60;
    private static final int FLOODS = 3;
    private static final Duration EVERY = Duration.ofMillis(20);

    private NoisyNeighbourFigures() {
    }

    /** {@code rounds} of a baseline phase and an abused one, after one of each to warm up. */
    static List<Figure> measure(int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(new SessionProperties(null, null, null, 0).threads());
        ExecutorService lane = Executors.newSingleThreadExecutor();
        ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService learners = Executors.newSingleThreadScheduledExecutor();
        try {
            RunQueue runQueue = RunQueue.server(pool, lane, waker, CpuMax.DEFAULT);
            SandboxActor abuser = sandbox(runQueue, "abuser", 1);
            abuser.writeFile("/home/learner/big.txt", "x".repeat(1 << 20)).join();
            abuser.run("kubectl create deployment web --image=nginx:1.27").join();
            abuser.run("kubectl scale deploy web --replicas=1000000").join();
            abuser.run("docker run -d --name spin busybox sh -c 'while true; do :; done'").join();
            List<SandboxActor> neighbours = new ArrayList<>();
            for (int i = 0; i < NEIGHBOURS; i++) {
                neighbours.add(sandbox(runQueue, "neighbour-" + i, 10 + i));
                neighbours.get(i).run("docker run -d --name web nginx:1.27").join();
            }
            phase(learners, neighbours, new ArrayList<>(), null);
            phase(learners, neighbours, new ArrayList<>(), abuser);
            List<Double> baseline = new ArrayList<>();
            List<Double> abused = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                phase(learners, neighbours, baseline, null);
                phase(learners, neighbours, abused, abuser);
            }
            Samples alone = samples(baseline);
            Samples beside = samples(abused);
            return List.of(
                    Figure.of("A neighbour's `docker ps`, no abuser (the baseline)", alone, "ms"),
                    Figure.of("A neighbour's `docker ps` beside one abusive learner", beside, "ms"),
                    Figure.of("Neighbours' p99 beside the abuser ÷ their p99 without (issue 12)",
                            new Samples(new double[] {beside.p99() / alone.p99()}), "×").atMost(2));
        } finally {
            learners.shutdownNow();
            waker.shutdownNow();
            lane.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static SandboxActor sandbox(RunQueue runQueue, String name, long seed) {
        return SandboxActor.restore(SandboxJournal.fresh(name, seed, START), SnapshotBenchmark.DEFAULT_SHAPE, runQueue,
                state -> { });
    }

    /** One phase: a neighbour's {@code docker ps} every {@link #EVERY}, in turn, beside the abuser's floods when there is one. */
    private static void phase(ScheduledExecutorService learners, List<SandboxActor> neighbours, List<Double> millis,
                              SandboxActor abuser) {
        AtomicBoolean abusing = new AtomicBoolean(abuser != null);
        List<CompletableFuture<Void>> floods = new ArrayList<>();
        for (int i = 0; abuser != null && i < FLOODS; i++) {
            floods.add(abuse(abuser, abusing));
        }
        List<CompletableFuture<Double>> sent = new ArrayList<>();
        for (int i = 0; i < SAMPLES_PER_PHASE; i++) {
            SandboxActor neighbour = neighbours.get(i % neighbours.size());
            CompletableFuture<Double> latency = new CompletableFuture<>();
            learners.schedule(() -> sample(neighbour, latency), i * EVERY.toNanos(), TimeUnit.NANOSECONDS);
            sent.add(latency);
        }
        sent.forEach(latency -> millis.add(latency.join()));
        abusing.set(false);
        floods.forEach(CompletableFuture::join);
    }

    private static CompletableFuture<Void> abuse(SandboxActor abuser, AtomicBoolean abusing) {
        if (!abusing.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(
                abuser.run("cat big.txt big.txt").exceptionally(e -> null),
                abuser.run("kubectl get pods -A").exceptionally(e -> null),
                abuser.tick(Duration.ofSeconds(1)).exceptionally(e -> null))
                .thenCompose(done -> abuse(abuser, abusing));
    }

    /** One {@code docker ps}, from its sending to its answer, which must be docker's table. */
    private static void sample(SandboxActor neighbour, CompletableFuture<Double> latency) {
        long sent = System.nanoTime();
        neighbour.run("docker ps").whenComplete((result, e) -> {
            long answered = System.nanoTime();
            if (e != null || result.exitCode() != 0 || !result.stdout().contains(" web\n")) {
                latency.completeExceptionally(new IllegalStateException("docker ps beside the abuser: " + (e != null ? e : result)));
            } else {
                latency.complete((answered - sent) / 1e6);
            }
        });
    }

    private static Samples samples(List<Double> millis) {
        return new Samples(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Measures at a small size ({@code rounds}, 1 unless given) and prints the rows. */
    public static void main(String[] args) throws Exception {
        measure(args.length > 0 ? Integer.parseInt(args[0]) : 1).forEach(f -> System.out.println(f.row()));
    }
}
