package org.laymanlabs.backend.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How live sandboxes are kept ({@code layman.sessions.*}; environment variables in docs/operators.md).
 *
 * @param idleTimeout  a sandbox nobody used for this long is saved and dropped from memory
 * @param activeWindow its clock runs in real time while the learner did something within this
 *                     window, and stands still after (a restored sandbox replays every second that ran)
 * @param tick         how often running clocks are moved on; zero stops the ticker (tests)
 * @param threads      the pool every sandbox's mailbox borrows threads from
 */
@ConfigurationProperties("layman.sessions")
public record SessionProperties(Duration idleTimeout, Duration activeWindow, Duration tick, int threads) {

    public SessionProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        activeWindow = activeWindow == null ? Duration.ofMinutes(5) : activeWindow;
        tick = tick == null ? Duration.ofMillis(250) : tick;
        threads = threads < 1 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : threads;
    }
}
