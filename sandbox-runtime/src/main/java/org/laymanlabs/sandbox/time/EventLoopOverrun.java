package org.laymanlabs.sandbox.time;

import java.time.Instant;

/**
 * A sandbox's event loop fired more timers in one second of its virtual time than its limit:
 * something in it (a controller, a program) keeps scheduling itself without waiting. The sandbox
 * stopped at that timer and is left half-way through it, so it must be rebuilt: the server
 * reports the error to the learner, who resets the step or the lab.
 */
public final class EventLoopOverrun extends IllegalStateException {

    EventLoopOverrun(int limit, Instant at) {
        super("this sandbox's event loop fired more than " + limit + " timers in one second of its time (at " + at
                + "): something in it loops without waiting, so it was stopped; reset the step or the lab to go on");
    }
}
