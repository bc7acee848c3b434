package org.laymanlabs.sandbox.container.program;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Linux signals {@code docker stop -s}, {@code docker kill -s} and a STOPSIGNAL name, with their numbers. */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGILL(4), SIGTRAP(5), SIGABRT(6), SIGBUS(7), SIGFPE(8), SIGKILL(9),
    SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15), SIGSTKFLT(16), SIGCHLD(17),
    SIGCONT(18), SIGSTOP(19), SIGTSTP(20), SIGTTIN(21), SIGTTOU(22), SIGURG(23), SIGXCPU(24), SIGXFSZ(25),
    SIGVTALRM(26), SIGPROF(27), SIGWINCH(28), SIGIO(29), SIGPWR(30), SIGSYS(31);

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
