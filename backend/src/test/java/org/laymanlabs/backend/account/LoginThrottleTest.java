package org.laymanlabs.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(1), clock);

    private void fail(int times, String username, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
            clock.advance(Duration.ofSeconds(2));
        }
    }

    @Test
    void fourFailuresStillLetTheLearnerTryAgain() {
        fail(4, "ada", "10.0.0.7");

        assertThat(throttle.blockedFor("ada", "10.0.0.7")).isEmpty();
    }

    @Test
    void theFifthFailureWithinAMinuteBlocksUntilTheFirstAgesOut() {
        fail(5, "ada", "10.0.0.7");

        assertThat(throttle.blockedFor("ada", "10.0.0.7")).contains(Duration.ofSeconds(50));
        clock.advance(Duration.ofSeconds(49));
        assertThat(throttle.blockedFor("ada", "10.0.0.7")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("ada", "10.0.0.7")).isEmpty();
    }

    @Test
    void theBlockHoldsForThatNameFromThatAddressOnly() {
        fail(5, "Ada ", "10.0.0.7");

        assertThat(throttle.blockedFor("ada", "10.0.0.7")).isPresent();
        assertThat(throttle.blockedFor("ada", "10.0.0.8")).isEmpty();
        assertThat(throttle.blockedFor("grace", "10.0.0.7")).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheCount() {
        fail(4, "ada", "10.0.0.7");
        throttle.succeeded("ada", "10.0.0.7");
        fail(4, "ada", "10.0.0.7");

        assertThat(throttle.blockedFor("ada", "10.0.0.7")).isEmpty();
    }

    @Test
    void waitsAreDescribedInWholeSecondsOrMinutes() {
        assertThat(LoginThrottle.describe(Duration.ofMillis(41_200))).isEqualTo("42 seconds");
        assertThat(LoginThrottle.describe(Duration.ofMillis(300))).isEqualTo("1 second");
        assertThat(LoginThrottle.describe(Duration.ofSeconds(60))).isEqualTo("1 minute");
    }
}
