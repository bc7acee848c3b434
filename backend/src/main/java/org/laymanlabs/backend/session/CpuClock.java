package org.laymanlabs.backend.session;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The time a {@link CpuBandwidth} is kept with: real time for its periods, the running thread's CPU
 * time for what a task used, and a timer that wakes a throttled mailbox at the period it may run
 * again.
 */
interface CpuClock {

    /** Monotonic real time, in nanoseconds. */
    long nanoTime();

    /** The CPU time the calling thread has used, in nanoseconds. */
    long threadCpuTime();

    /** Runs {@code wake} after {@code nanos} of real time, on the timer's thread. */
    void wakeAfter(long nanos, Runnable wake);

    /**
     * No clock, for a mailbox on a plain executor without a CPU limit: its tasks cost nothing, so
     * it is never throttled and never woken.
     */
    CpuClock NONE = new CpuClock() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public long threadCpuTime() {
            return 0;
        }

        @Override
        public void wakeAfter(long nanos, Runnable wake) {
            throw new UnsupportedOperationException("nothing is throttled without a CPU clock");
        }
    };

    /** The JVM's clocks, waking on {@code timer}. */
    static CpuClock system(ScheduledExecutorService timer) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time, which sandboxes' CPU quotas need");
        }
        return new CpuClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long threadCpuTime() {
                return threads.getCurrentThreadCpuTime();
            }

            @Override
            public void wakeAfter(long nanos, Runnable wake) {
                timer.schedule(wake, nanos, TimeUnit.NANOSECONDS);
            }
        };
    }
}
