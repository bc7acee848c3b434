package org.laymanlabs.sandbox.container.program;

import java.util.OptionalInt;

/** A running simulated program, as its container's PID 1 or an exec'd process. */
public interface Process extends java.io.Serializable {

    /**
     * Delivers a signal other than SIGKILL, which the runtime handles itself.
     *
     * @return the status the process exits with because of it, or empty if it goes on (PID 1
     *         ignores signals it has no handler for, which is why {@code sleep} waits out
     *         {@code docker stop}'s timeout)
     */
    OptionalInt signal(Signal signal);

    /** A process that has no handlers at all: every signal but SIGKILL is ignored. */
    Process IGNORES_SIGNALS = signal -> OptionalInt.empty();
}
