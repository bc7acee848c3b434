package org.laymanlabs.sandbox.repl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Drives a line that follows something ({@code docker logs -f}) as a terminal would: the
 * sandbox's clock keeps pace with real time, a moment at a time, so the output arrives as it
 * happens; each Ctrl-C the learner presses is passed on as an interrupt. All of it runs on the
 * REPL's own thread, the one that owns the sandbox; the signal handler only counts presses.
 */
final class Foreground {

    /**
     * A real docker CLI stays attached while a container ignores SIGINT, and a real learner would
     * close the terminal; the REPL has no second window, so the third press detaches instead.
     */
    static final int PRESSES_TO_DETACH = 3;

    /** The real time that passes between two looks at the line: a short wait, then how long it really took. */
    interface RealTime {
        Duration pause();
    }

    private final VirtualClock clock;
    private final RealTime realTime;
    private final AtomicInteger pendingInterrupts;

    /** @param pendingInterrupts Ctrl-C presses not yet passed on, counted by the terminal's signal handler */
    Foreground(VirtualClock clock, RealTime realTime, AtomicInteger pendingInterrupts) {
        this.clock = clock;
        this.realTime = realTime;
        this.pendingInterrupts = pendingInterrupts;
    }

    /** Returns once the line has finished. */
    void drive(RunningCommand line) {
        pendingInterrupts.set(0);
        int presses = 0;
        while (!line.isFinished()) {
            clock.advance(realTime.pause());
            for (int n = pendingInterrupts.getAndSet(0); n > 0 && !line.isFinished(); n--) {
                presses++;
                if (presses >= PRESSES_TO_DETACH) {
                    line.detach();
                } else {
                    line.interrupt();
                }
            }
        }
    }
}
