package org.laymanlabs.backend.session;

import java.time.Duration;

/**
 * A sandbox's CPU limit as cgroup v2's {@code cpu.max} writes it ("$MAX $PERIOD", docker's
 * {@code --cpu-quota}/{@code --cpu-period}): at most {@code quota} of CPU time in every
 * {@code period}. The bounds are the kernel's ({@code tg_set_cfs_bandwidth}): a period from 1 ms to
 * 1 s, a quota of at least 1 ms. A quota as long as the period never throttles, since an actor runs
 * on one thread at a time.
 */
public record CpuMax(Duration quota, Duration period) {

    /** A fifth of a core: a learner's command takes a few milliseconds, a loop or a flood takes all it gets. */
    public static final CpuMax DEFAULT = new CpuMax(Duration.ofMillis(20), Duration.ofMillis(100));

    public CpuMax {
        if (period.compareTo(Duration.ofMillis(1)) < 0 || period.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("layman.sandbox.cpu-period must be from 1ms to 1s, not " + period);
        }
        if (quota.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("layman.sandbox.cpu-quota must be at least 1ms, not " + quota);
        }
    }
}
