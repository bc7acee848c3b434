package org.laymanlabs.backend.session;

import java.time.Duration;
import org.laymanlabs.sandbox.SandboxLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every sandbox's quotas ({@code layman.sandbox.*}; see docs/security.md): each property left out
 * keeps {@link SandboxLimits#DEFAULTS}' value, or {@link CpuMax#DEFAULT}'s for the CPU.
 */
@ConfigurationProperties("layman.sandbox")
public record SandboxProperties(Integer objects, Integer pods, Integer containers, Integer images, Long layerBytes,
                                Integer iptablesRules, Integer workspaceFileBytes, Integer workspaceBytes,
                                Integer outputChars, Integer commandsPerSecond, Integer timersPerSecond,
                                Duration cpuQuota, Duration cpuPeriod) {

    public SandboxLimits limits() {
        SandboxLimits d = SandboxLimits.DEFAULTS;
        return new SandboxLimits(or(objects, d.objects()), or(pods, d.pods()), or(containers, d.containers()),
                or(images, d.images()), layerBytes == null ? d.layerBytes() : layerBytes,
                or(iptablesRules, d.iptablesRules()), or(workspaceFileBytes, d.workspaceFileBytes()),
                or(workspaceBytes, d.workspaceBytes()), or(outputChars, d.outputChars()),
                or(commandsPerSecond, d.commandsPerSecond()), or(timersPerSecond, d.timersPerSecond()));
    }

    /** The CPU each sandbox may use per period, {@link CpuMax#DEFAULT}'s where left out. */
    public CpuMax cpuMax() {
        return new CpuMax(cpuQuota == null ? CpuMax.DEFAULT.quota() : cpuQuota,
                cpuPeriod == null ? CpuMax.DEFAULT.period() : cpuPeriod);
    }

    /** The defaults, for a context without the properties bound (tests, tools). */
    public static SandboxProperties defaults() {
        return new SandboxProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
