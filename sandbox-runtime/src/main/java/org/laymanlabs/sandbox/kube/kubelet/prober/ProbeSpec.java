package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;

/**
 * A container's probe with the API server's defaults applied as pkg/apis/core/v1 SetDefaults_Probe
 * does (a zero or absent field takes the default): timeout 1 s, period 10 s, success threshold 1,
 * failure threshold 3, no initial delay.
 */
record ProbeSpec(Probe probe, int initialDelaySeconds, int timeoutSeconds, int periodSeconds,
                 int successThreshold, int failureThreshold) {

    static ProbeSpec of(Probe probe) {
        return new ProbeSpec(probe, orDefault(probe.getInitialDelaySeconds(), 0), orDefault(probe.getTimeoutSeconds(), 1),
                orDefault(probe.getPeriodSeconds(), 10), orDefault(probe.getSuccessThreshold(), 1),
                orDefault(probe.getFailureThreshold(), 3));
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    private static int orDefault(Integer value, int defaultValue) {
        return value == null || value == 0 ? defaultValue : value;
    }
}
