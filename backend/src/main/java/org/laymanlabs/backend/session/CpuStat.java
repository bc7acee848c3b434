package org.laymanlabs.backend.session;

import java.time.Duration;

/**
 * What a sandbox's CPU bandwidth did, as cgroup v2's {@code cpu.stat} reports it: the CPU time its
 * tasks took ({@code usage_usec}), how often it ran out of quota and had to wait
 * ({@code nr_throttled}) and how long it waited in all ({@code throttled_usec}).
 */
public record CpuStat(Duration usage, long nrThrottled, Duration throttled) {
}
