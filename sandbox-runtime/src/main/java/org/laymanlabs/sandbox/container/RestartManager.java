package org.laymanlabs.sandbox.container;

import java.time.Duration;
import java.util.Optional;

/**
 * Mirrors moby restartmanager/restartmanager.go: whether an exited container restarts under its
 * policy, and after how long: 100 ms, doubling at each restart up to a minute, and back to
 * 100 ms once a run has lasted 10 seconds. A manual stop cancels it.
 */
final class RestartManager {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    private final RestartPolicy policy;
    private Duration timeout = Duration.ZERO;
    private int restartCount;
    private boolean canceled;

    RestartManager(RestartPolicy policy) {
        this.policy = policy;
    }

    /** The delay before the next start, or empty if the container stays exited. */
    Optional<Duration> shouldRestart(int exitCode, boolean manuallyStopped, Duration ran) {
        if (canceled) {
            return Optional.empty();
        }
        if (ran.toSeconds() >= 10) {
            timeout = Duration.ZERO;
        }
        if (timeout.isZero()) {
            timeout = DEFAULT_TIMEOUT;
        } else if (timeout.compareTo(MAX_TIMEOUT) < 0) {
            timeout = timeout.multipliedBy(2);
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            timeout = MAX_TIMEOUT;
        }
        boolean restart = switch (policy.name()) {
            case ALWAYS -> true;
            case UNLESS_STOPPED -> !manuallyStopped;
            case ON_FAILURE -> (policy.maximumRetryCount() == 0 || restartCount < policy.maximumRetryCount())
                    && exitCode != 0;
            case NO -> false;
        };
        if (!restart) {
            return Optional.empty();
        }
        restartCount++;
        return Optional.of(timeout);
    }

    void cancel() {
        canceled = true;
    }
}
