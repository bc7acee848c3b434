package org.laymanlabs.sandbox.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private final VirtualClock clock = new VirtualClock(START);
    private final List<String> fired = new ArrayList<>();

    @Test
    void timeStandsStillUntilAdvanced() {
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void timersFireInDueOrderAndSeeTheirOwnInstant() {
        clock.schedule(Duration.ofSeconds(5), () -> fired.add("b@" + clock.now().getEpochSecond() % 60));
        clock.schedule(Duration.ofSeconds(2), () -> fired.add("a@" + clock.now().getEpochSecond() % 60));

        clock.advance(Duration.ofSeconds(10));

        assertThat(fired).containsExactly("a@2", "b@5");
        assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void timersDueAtTheSameInstantFireInSchedulingOrder() {
        clock.schedule(Duration.ofSeconds(1), () -> fired.add("first"));
        clock.schedule(Duration.ofSeconds(1), () -> fired.add("second"));

        clock.advance(Duration.ofSeconds(1));

        assertThat(fired).containsExactly("first", "second");
    }

    @Test
    void aTimerScheduledByATimerFiresIfItFallsDue() {
        clock.schedule(Duration.ofSeconds(1), () -> clock.schedule(Duration.ofSeconds(1), () -> fired.add("again")));

        clock.advance(Duration.ofSeconds(1));
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly("again");
    }

    @Test
    void aCancelledTimerNeverRuns() {
        VirtualClock.Timer timer = clock.schedule(Duration.ofSeconds(1), () -> fired.add("no"));
        timer.cancel();

        clock.advance(Duration.ofMinutes(1));

        assertThat(fired).isEmpty();
    }

    @Test
    void timeCannotGoBackwards() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObserverHearsOfEachTimerAndOfTheEndOfEachAdvanceUntilCancelled() {
        clock.schedule(Duration.ofSeconds(1), () -> fired.add("timer"));
        VirtualClock.Observation observation = clock.observe(() -> fired.add("tick at " + clock.now().getEpochSecond() % 60));

        clock.advance(Duration.ofSeconds(2));
        observation.cancel();
        clock.advance(Duration.ofSeconds(1));

        assertThat(fired).containsExactly("timer", "tick at 1", "tick at 2");
    }

    @Test
    void aTimerThatAdvancesTheClockFurtherLeavesItThereRatherThanGoingBack() {
        clock.schedule(Duration.ofSeconds(1), () -> clock.advance(Duration.ofSeconds(10)));

        clock.advance(Duration.ofSeconds(2));

        assertThat(clock.now()).isEqualTo(START.plusSeconds(11));
    }
}
