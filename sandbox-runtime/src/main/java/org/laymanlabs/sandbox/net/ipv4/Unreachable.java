package org.laymanlabs.sandbox.net.ipv4;

import java.time.Duration;

/**
 * Why a destination cannot be reached, and how long the sender waits to learn it: no route
 * fails at once (ENETUNREACH); an unanswered ARP fails after the neighbour table gives up,
 * about three seconds, whether the sender or a router on the way asked (EHOSTUNREACH).
 */
public enum Unreachable {
    NETWORK("Network is unreachable", Duration.ZERO),
    HOST("No route to host", Duration.ofSeconds(3));

    private final String message;
    private final Duration delay;

    Unreachable(String message, Duration delay) {
        this.message = message;
        this.delay = delay;
    }

    /** strerror's text for the errno the sender gets. */
    public String message() {
        return message;
    }

    public Duration delay() {
        return delay;
    }
}
