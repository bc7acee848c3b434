package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.SandboxLimits;

/**
 * Issue #12: one abusive learner beside another. The learners share a pool of the size the server
 * uses ({@link SessionProperties}' default threads), as {@link Sessions} runs them. Baseline and
 * abused samples are taken in alternating rounds, so that whatever else the machine is doing
 * weighs on both alike. What is asserted cannot flake: every one of the neighbour's commands
 * succeeds while the abuse goes on (the command rate's refusals are {@code ContainmentTest}'s). The latencies are printed, not
 * asserted: on a shared 2-core machine a wall-clock p99 depends on the machine (a first CI run
 * measured 3.4 ms without and 10.3 ms with the abuser, one run before 1.9 and 3.1), so the
 * figure belongs to the benchmark harness, as the project's rules for timed tests say.
 */
class NoisyNeighbourTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int ROUNDS = 8;
    private static final int SAMPLES_PER_ROUND = 40;
    /** Below this a p99 is the scheduler's time slice, not the sandbox's work: the baseline is never taken as less. */
    private static final long FLOOR_NANOS = Duration.ofMillis(2).toNanos();

    private final ExecutorService pool = Executors.newFixedThreadPool(new SessionProperties(null, null, null, 0).threads());

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyOneOfANeighboursCommandsSucceedsBesideAnAbusiveLearner() throws Exception {
        SandboxActor victim = SandboxActor.restore(SandboxJournal.fresh("victim", 1, START), new ShellLab(), pool, s -> { });
        SandboxActor abuser = SandboxActor.restore(SandboxJournal.fresh("abuser", 2, START), new ShellLab(), pool, s -> { })
                .limitingCommands(new CommandRate(SandboxLimits.DEFAULTS.commandsPerSecond(), Clock.systemUTC()));
        abuser.writeFile("/home/learner/big.txt", "x".repeat(1 << 20)).join();
        abuser.run("kubectl create deployment web --image=nginx:1.27").join();
        abuser.run("kubectl scale deploy web --replicas=1000000").join();
        victim.run("docker run -d --name web nginx:1.27").join();
        for (int i = 0; i < 50; i++) {
            sample(victim);
        }

        List<Long> baseline = new ArrayList<>();
        List<Long> abused = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < SAMPLES_PER_ROUND; i++) {
                baseline.add(sample(victim));
            }
            AtomicBoolean abusing = new AtomicBoolean(true);
            Thread abuse = new Thread(() -> abuse(abuser, abusing));
            abuse.start();
            for (int i = 0; i < SAMPLES_PER_ROUND; i++) {
                abused.add(sample(victim));
            }
            abusing.set(false);
            abuse.join();
            abuser.query(s -> null).join();
        }

        System.out.printf("neighbour's p99: %.1f ms alone, %.1f ms beside the abuser (%d refused abuser lines)%n",
                Math.max(p99(baseline), FLOOR_NANOS) / 1e6, p99(abused) / 1e6, REFUSED.get());
        assertThat(abused).hasSize(ROUNDS * SAMPLES_PER_ROUND);
        assertThat(FAILED_SAMPLES.get()).as("neighbour's commands that failed during the abuse").isZero();
    }

    private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger FAILED_SAMPLES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A flood of lines with huge outputs, and the clock of a million-replica Deployment moving on,
     * each batch sent as soon as the last one is answered: the abuser keeps its sandbox busy all the
     * time, as a script would, without a client thread spinning beside the server.
     */
    private static void abuse(SandboxActor abuser, AtomicBoolean abusing) {
        while (abusing.get()) {
            CompletableFuture.allOf(
                    abuser.run("cat big.txt big.txt").exceptionally(NoisyNeighbourTest::refused),
                    abuser.run("kubectl get pods -A").exceptionally(NoisyNeighbourTest::refused),
                    abuser.tick(Duration.ofSeconds(1)).exceptionally(e -> null)).join();
        }
    }

    private static org.laymanlabs.sandbox.CommandResult refused(Throwable e) {
        REFUSED.incrementAndGet();
        return null;
    }

    private static long sample(SandboxActor victim) {
        long start = System.nanoTime();
        if (victim.run("docker ps").join().exitCode() != 0) {
            FAILED_SAMPLES.incrementAndGet();
        }
        return System.nanoTime() - start;
    }

    private static long p99(List<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }
}
