package org.laymanlabs.sandbox.container.program;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The signals {@code docker stop}, {@code docker kill -s} and a STOPSIGNAL name, with Linux's numbers. */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGKILL(9), SIGUSR1(10), SIGUSR2(12), SIGTERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The status a process killed by this signal exits with, as a shell and Docker report it. */
    public int exitStatus() {
        return 128 + number;
    }

    /** {@code SIGTERM}, {@code TERM}, {@code term} or {@code 15}, as moby's signal.ParseSignal takes them. */
    public static Optional<Signal> parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(upper) || s.name().equals("SIG" + upper) || String.valueOf(s.number).equals(text))
                .findFirst();
    }
}
