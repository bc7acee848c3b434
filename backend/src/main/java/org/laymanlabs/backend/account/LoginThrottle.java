package org.laymanlabs.backend.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code layman.login.max-failures} failed sign-ins for one
 * username from one address within {@code layman.login.window}, further tries from there are
 * refused without looking at the password until the oldest failure has aged out of the window.
 * Keyed by name and address, so a guesser cannot lock a learner out from everywhere. It counts the
 * failures of every sign-in (the UI's form, the API's HTTP Basic) from Spring Security's events.
 */
@Component
public class LoginThrottle {

    /** Bounds the memory a flood of made-up names can take; stale keys are swept when it is reached. */
    private static final int SWEEP_AT = 10_000;

    private final Map<Key, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    private record Key(String username, String address) {
    }

    @Autowired
    LoginThrottle(@Value("${layman.login.max-failures:5}") int maxFailures,
                  @Value("${layman.login.window:1m}") Duration window, ObjectProvider<Clock> clock) {
        this(maxFailures, window, clock.getIfAvailable(Clock::systemUTC));
    }

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long this name may not try again from this address, or empty when it may try now. */
    public Optional<Duration> blockedFor(String username, String address) {
        Deque<Instant> recent = failures.get(key(username, address));
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> !at.plus(window).isAfter(now));
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
        }
    }

    public void failed(String username, String address) {
        if (failures.size() >= SWEEP_AT) {
            Instant now = clock.instant();
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    return recent.isEmpty() || !recent.peekLast().plus(window).isAfter(now);
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    /** A right password clears the count for that name and address. */
    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        addressOf(event.getAuthentication()).ifPresent(address -> failed(event.getAuthentication().getName(), address));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        addressOf(event.getAuthentication()).ifPresent(address -> succeeded(event.getAuthentication().getName(), address));
    }

    private static Optional<String> addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web
                ? Optional.ofNullable(web.getRemoteAddress()) : Optional.empty();
    }

    private static Key key(String username, String address) {
        return new Key(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), address == null ? "" : address);
    }

    /** "42 seconds", "1 minute": how long to wait, rounded up to whole seconds, for the messages. */
    public static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds >= 60 && seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
