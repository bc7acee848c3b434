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
    Process IGNORES_SIGNALS = NoHandlers.INSTANCE;

    /**
     * {@link #IGNORES_SIGNALS}: an enum constant rather than a lambda, as a checkpoint reads an enum
     * constant back as this very instance, where a lambda comes back as a copy, and a restored
     * sandbox's later processes would hold the JVM's own beside it.
     */
    enum NoHandlers implements Process {
        INSTANCE;

        @Override
        public OptionalInt signal(Signal signal) {
            return OptionalInt.empty();
        }
    }
}
