package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CFS bandwidth arithmetic, with times in milliseconds for reading ease: 20 ms of CPU per 100 ms. */
class CpuBandwidthTest {

    private static final long MS = 1_000_000;

    private final CpuBandwidth bandwidth = new CpuBandwidth(new CpuMax(Duration.ofMillis(20), Duration.ofMillis(100)), 0);

    @Test
    void aSandboxWithinItsQuotaRunsAtOnce() {
        bandwidth.charge(19 * MS, 19 * MS);

        assertThat(bandwidth.throttledFor(30 * MS)).isZero();
    }

    @Test
    void aSandboxThatUsedItsQuotaWaitsForTheNextPeriod() {
        bandwidth.charge(20 * MS, 20 * MS);

        assertThat(bandwidth.throttledFor(30 * MS)).isEqualTo(70 * MS);
        assertThat(bandwidth.throttledFor(100 * MS)).isZero();
        assertThat(bandwidth.stat()).isEqualTo(new CpuStat(Duration.ofMillis(20), 1, Duration.ofMillis(70)));
    }

    @Test
    void aTaskThatRanPastTheQuotaIsPaidOffByTheNextPeriods() {
        bandwidth.charge(75 * MS, 75 * MS);

        // 20 - 75 = -55: three refills of 20 bring it to +5, at the start of the fourth period.
        assertThat(bandwidth.throttledFor(80 * MS)).isEqualTo(220 * MS);
        assertThat(bandwidth.throttledFor(299 * MS)).isEqualTo(1 * MS);
        assertThat(bandwidth.throttledFor(300 * MS)).isZero();
    }

    @Test
    void anUnusedQuotaDoesNotPileUpBeyondOnePeriods() {
        assertThat(bandwidth.throttledFor(10_000 * MS)).isZero();
        bandwidth.charge(20 * MS, 20 * MS);

        assertThat(bandwidth.throttledFor(10_001 * MS)).isEqualTo(99 * MS);
    }

    @Test
    void aSandboxIsOverItsShareWhileThrottledAndForAPeriodAfter() {
        assertThat(bandwidth.overItsShare(0)).isFalse();
        bandwidth.charge(20 * MS, 20 * MS);

        assertThat(bandwidth.overItsShare(30 * MS)).isTrue();
        assertThat(bandwidth.overItsShare(150 * MS)).isTrue(); // unthrottled at 150, this period
        assertThat(bandwidth.overItsShare(249 * MS)).isTrue();
        assertThat(bandwidth.overItsShare(250 * MS)).isFalse();
    }

    @Test
    void aSandboxWhoseTasksHoldAThreadLongerThanItsQuotaIsOverItsShareThoughWithinItsCpuTime() {
        // A busy host: 15 ms of CPU time took 75 ms.
        bandwidth.charge(15 * MS, 75 * MS);

        assertThat(bandwidth.throttledFor(80 * MS)).isZero();
        assertThat(bandwidth.overItsShare(80 * MS)).isTrue();
        assertThat(bandwidth.overItsShare(199 * MS)).isTrue();
        assertThat(bandwidth.overItsShare(200 * MS)).isFalse();
    }

    @Test
    void aLearnersCommandsAreNotOverTheirShare() {
        bandwidth.charge(3 * MS, 15 * MS);
        bandwidth.charge(3 * MS, 4 * MS);

        assertThat(bandwidth.overItsShare(60 * MS)).isFalse();
    }

    @Test
    void aPeriodOrQuotaTheKernelWouldRefuseIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new CpuMax(Duration.ofMillis(20), Duration.ofSeconds(2)))
                .hasMessage("layman.sandbox.cpu-period must be from 1ms to 1s, not PT2S");
        assertThatThrownBy(() -> new CpuMax(Duration.ofNanos(500_000), Duration.ofMillis(100)))
                .hasMessage("layman.sandbox.cpu-quota must be at least 1ms, not PT0.0005S");
    }
}
