package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;

/**
 * One sandbox's trouble stays in that sandbox (issue #12, "Containment"): a bug that throws in its
 * event loop stops it with an error until it is reset, while the others sharing the pool carry on;
 * and a flood of lines is turned away at the sandbox's rate before it is run or journaled.
 */
class ContainmentTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A lab whose "faulty" sandboxes carry a controller bug: a timer that throws ten seconds into the session. */
    private static final class FaultyLab extends ShellLab {
        @Override
        public Sandbox create(String labId, long seed, Instant startTime) {
            Sandbox sandbox = super.create(labId, seed, startTime);
            if (labId.equals("faulty")) {
                sandbox.clock().schedule(Duration.ofSeconds(10), () -> {
                    throw new IllegalStateException("a bug in a controller");
                });
            }
            return sandbox;
        }
    }

    @Test
    void aBugInOneSandboxsEventLoopStopsThatSandboxUntilResetAndTheOthersCarryOn() {
        FaultyLab lab = new FaultyLab();
        SandboxJournal faultyStart = SandboxJournal.fresh("faulty", 42, START);
        SandboxActor faulty = SandboxActor.restore(faultyStart, lab, pool, state -> { });
        SandboxActor healthy = SandboxActor.restore(SandboxJournal.fresh("healthy", 42, START), lab, pool, state -> { });
        faulty.run("echo before > notes.txt").join();

        CompletableFuture<Void> tick = faulty.tick(Duration.ofSeconds(20));
        CompletableFuture<Void> otherTick = healthy.tick(Duration.ofSeconds(20));

        assertThatThrownBy(tick::join).hasCauseInstanceOf(SandboxFailure.class)
                .hasMessageContaining("this sandbox stopped on an internal error in its event loop")
                .hasMessageContaining("a bug in a controller")
                .hasMessageContaining("reset the step or the lab to go on");
        assertThatThrownBy(() -> faulty.run("echo after").join()).hasCauseInstanceOf(SandboxFailure.class);
        otherTick.join();
        assertThat(healthy.run("echo still here").join().stdout()).isEqualTo("still here\n");

        faulty.resetTo(faulty.journal().handle((j, e) -> faultyStart).join()).join();
        faulty.tick(Duration.ofSeconds(5)).join();
        assertThat(faulty.run("echo back").join().stdout()).isEqualTo("back\n");
    }

    @Test
    void aFloodOfLinesIsTurnedAwayPastTheRateBeforeItIsRunOrJournaled() {
        Clock frozen = Clock.fixed(START, ZoneOffset.UTC);
        SandboxActor actor = SandboxActor.restore(SandboxJournal.fresh("demo", 42, START), new ShellLab(), pool,
                state -> { }).limitingCommands(new CommandRate(5, frozen));
        List<CompletableFuture<?>> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(actor.run("echo " + i + " >> flood.txt"));
        }

        long refused = lines.stream().filter(f -> f.handle((ok, e) -> e != null).join()).count();

        assertThat(refused).isEqualTo(20);
        assertThatThrownBy(() -> lines.get(29).join()).hasCauseInstanceOf(InputRejected.class)
                .hasMessageContaining("bash: fork: retry: Resource temporarily unavailable (this sandbox takes at most "
                        + "5 commands a second: wait a moment and try again)");
        assertThat(actor.journal().join().entries()).hasSize(10);
        assertThat(actor.query(s -> s.workspace().read("flood.txt")).join().lines()).hasSize(10);
    }
}
