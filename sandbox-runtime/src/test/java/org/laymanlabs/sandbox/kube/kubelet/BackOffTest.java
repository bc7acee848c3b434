package org.laymanlabs.sandbox.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kubelet's back-off (client-go flowcontrol, 10 s initial, 300 s cap)")
class BackOffTest {

    private Instant now = Instant.parse("2026-11-26T09:00:00Z");
    private final BackOff backOff = new BackOff(() -> now);

    @Test
    void doublesFromTenSecondsAndStaysAtFiveMinutes() {
        List<String> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            backOff.next("app", now);
            delays.add(BackOff.go(backOff.get("app")));
            now = now.plus(backOff.get("app"));
        }

        assertThat(delays).containsExactly("10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s", "5m0s");
    }

    @Test
    void holdsAnItemBackUntilItsDelayHasPassedSinceTheFailure() {
        Instant failed = now;
        backOff.next("app", failed);
        now = now.plusSeconds(9);
        assertThat(backOff.inBackOffSince("app", failed)).isTrue();
        now = now.plusSeconds(1);
        assertThat(backOff.inBackOffSince("app", failed)).isFalse();
    }

    @Test
    void startsAgainFromTenSecondsAfterTenQuietMinutes() {
        for (int i = 0; i < 6; i++) {
            backOff.next("app", now);
        }
        now = now.plus(Duration.ofMinutes(10)).plusSeconds(1);

        assertThat(backOff.inBackOffSince("app", now)).isFalse();
        backOff.next("app", now);
        assertThat(backOff.get("app")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void printsDurationsAsGoDoes() {
        assertThat(BackOff.go(Duration.ofMillis(1279))).isEqualTo("1.279s");
        assertThat(BackOff.go(Duration.ofMillis(450))).isEqualTo("450ms");
        assertThat(BackOff.go(Duration.ofSeconds(3725))).isEqualTo("1h2m5s");
    }
}
