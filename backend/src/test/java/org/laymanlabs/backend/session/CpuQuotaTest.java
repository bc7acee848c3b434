package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * A sandbox's CPU quota (issue #12, a noisy neighbour; docs/security.md, "CPU"): 20 ms per 100 ms
 * here. Everything runs on the test's thread, and a task's CPU time is what it burns on a
 * {@link ManualCpuClock}.
 */
class CpuQuotaTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final CpuMax FIFTH = new CpuMax(Duration.ofMillis(20), Duration.ofMillis(100));

    private final ManualCpuClock cpu = new ManualCpuClock();
    private final Executor direct = Runnable::run;

    private SandboxActor sandbox(String name) {
        return SandboxActor.restore(SandboxJournal.fresh(name, 1, START), new ShellLab(), direct, s -> { })
                .limitingCpu(FIFTH, cpu);
    }

    @Test
    void aSandboxPastItsQuotaAnswersInItsNextPeriodWhileAnotherAnswersAtOnce() {
        SandboxActor busy = sandbox("busy");
        SandboxActor other = sandbox("other");
        busy.query(s -> {
            cpu.burn(Duration.ofMillis(50));
            return null;
        }).join();

        CompletableFuture<CommandResult> late = busy.run("echo late");
        CompletableFuture<CommandResult> now = other.run("echo now");

        assertThat(now).isCompletedWithValueMatching(r -> r.stdout().equals("now\n"));
        assertThat(late).isNotDone();
        assertThat(busy.throttled()).isTrue();
        // 20 - 50 leaves a debt of 30: two periods' refills pay it, so it runs at 200 ms.
        cpu.advance(Duration.ofMillis(149));
        assertThat(late).isNotDone();
        cpu.advance(Duration.ofMillis(1));
        assertThat(late).isCompletedWithValueMatching(r -> r.stdout().equals("late\n") && r.exitCode() == 0);
        assertThat(busy.throttled()).isFalse();
        assertThat(busy.cpuStat()).isEqualTo(new CpuStat(Duration.ofMillis(50), 1, Duration.ofMillis(150)));
        assertThat(other.cpuStat().nrThrottled()).isZero();
    }

    @Test
    void aThrottledSandboxsClockStandsStillAndThenFollowsRealTimeAgain() {
        SandboxActor busy = sandbox("busy");
        LiveSandbox live = new LiveSandbox(busy, START);
        Duration active = Duration.ofMinutes(5);
        busy.query(s -> {
            cpu.burn(Duration.ofMillis(50));
            return null;
        }).join();

        live.tick(START.plusMillis(250), active); // queued behind the throttle
        live.tick(START.plusMillis(500), active); // throttled: these 250 ms are not the sandbox's
        cpu.advance(Duration.ofMillis(150));
        live.tick(START.plusMillis(750), active);

        assertThat(busy.query(s -> s.clock().now()).join()).isEqualTo(START.plusMillis(500));
    }

    @Test
    void workQueuedBehindTheThrottleRunsInItsOrderAfterIt() {
        SandboxActor busy = sandbox("busy");
        busy.query(s -> {
            cpu.burn(Duration.ofMillis(30));
            return null;
        }).join();

        CompletableFuture<CommandResult> first = busy.run("echo one > f.txt");
        CompletableFuture<CommandResult> second = busy.run("echo two >> f.txt");
        CompletableFuture<CommandResult> third = busy.run("cat f.txt");
        cpu.advance(Duration.ofMillis(100));

        assertThat(CompletableFuture.allOf(first, second)).isDone();
        assertThat(third).isCompletedWithValueMatching(r -> r.stdout().equals("one\ntwo\n"));
    }
}
