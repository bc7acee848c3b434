package org.laymanlabs.sandbox.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SandboxLimits' timersPerSecond: an event loop that schedules itself without waiting is stopped, not run for ever. */
class VirtualClockBudgetTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));

    @Test
    void aTimerThatReschedulesItselfWithoutWaitingStopsTheClockWithAnError() {
        clock.limitTimersPerSecond(1_000);
        VirtualClock.Task[] loop = new VirtualClock.Task[1];
        loop[0] = () -> clock.schedule(Duration.ZERO, loop[0]);
        clock.schedule(Duration.ZERO, loop[0]);

        assertThatThrownBy(() -> clock.advance(Duration.ofMillis(250)))
                .isInstanceOf(EventLoopOverrun.class)
                .hasMessage("this sandbox's event loop fired more than 1000 timers in one second of its time "
                        + "(at 2026-11-26T09:00:00Z): something in it loops without waiting, so it was stopped; "
                        + "reset the step or the lab to go on");
    }

    @Test
    void timersWithinTheBudgetRunEverySecondForAsLongAsTheClockMoves() {
        clock.limitTimersPerSecond(10);
        int[] fired = new int[1];
        VirtualClock.Task[] tick = new VirtualClock.Task[1];
        tick[0] = () -> {
            fired[0]++;
            clock.schedule(Duration.ofMillis(100), tick[0]);
        };
        clock.schedule(Duration.ofMillis(100), tick[0]);

        clock.advance(Duration.ofMinutes(10));

        assertThat(fired[0]).isEqualTo(6_000);
    }
}
