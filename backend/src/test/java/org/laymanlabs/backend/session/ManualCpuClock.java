package org.laymanlabs.backend.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link CpuClock} the test moves: a task "computes" by calling {@link #burn}, which takes CPU
 * time and the same real time, and {@link #advance} lets real time pass between tasks and fires the
 * wake-ups that fall due. With a direct executor everything runs on the test's thread,
 * in order.
 */
final class ManualCpuClock implements CpuClock {

    private record Wake(long at, long order, Runnable task) {
    }

    private final List<Wake> wakes = new ArrayList<>();
    private long now;
    private long cpu;
    private long order;

    /** A task that computes for {@code time}. */
    void burn(Duration time) {
        cpu += time.toNanos();
        now += time.toNanos();
    }

    void advance(Duration by) {
        long until = now + by.toNanos();
        while (true) {
            Wake next = wakes.stream().filter(w -> w.at() <= until)
                    .min(Comparator.comparingLong(Wake::at).thenComparingLong(Wake::order)).orElse(null);
            if (next == null) {
                break;
            }
            wakes.remove(next);
            now = Math.max(now, next.at());
            next.task().run();
        }
        now = Math.max(now, until);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long threadCpuTime() {
        return cpu;
    }

    @Override
    public void wakeAfter(long nanos, Runnable wake) {
        wakes.add(new Wake(now + nanos, order++, wake));
    }
}
