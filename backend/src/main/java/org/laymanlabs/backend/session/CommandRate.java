package org.laymanlabs.backend.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many lines a learner may send a sandbox (SandboxLimits' commandsPerSecond): a token bucket
 * refilled at that rate, holding two seconds' worth, so that typing and pasting a short script
 * pass and a flood of thousands of lines is turned away before it is journaled or run. Touched
 * only from the actor's mailbox, one task at a time.
 */
final class CommandRate {

    private final int perSecond;
    private final Clock clock;
    private double tokens;
    private Instant last;

    CommandRate(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.tokens = 2.0 * perSecond;
        this.last = clock.instant();
    }

    static CommandRate unlimited() {
        return new CommandRate(Integer.MAX_VALUE / 4, Clock.systemUTC());
    }

    /** Takes one line's token, or refuses as bash does when it cannot fork another process. */
    void take() {
        Instant now = clock.instant();
        double elapsed = Math.max(0, Duration.between(last, now).toNanos()) / 1e9;
        last = now;
        tokens = Math.min(2.0 * perSecond, tokens + elapsed * perSecond);
        if (tokens < 1) {
            throw new InputRejected("bash: fork: retry: Resource temporarily unavailable (this sandbox takes at most "
                    + perSecond + " commands a second: wait a moment and try again)");
        }
        tokens--;
    }
}
