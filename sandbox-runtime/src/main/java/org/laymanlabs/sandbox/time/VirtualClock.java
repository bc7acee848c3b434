package org.laymanlabs.sandbox.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A sandbox's own clock and timer queue. Nothing in a sandbox reads the wall clock: time moves
 * only when {@link #advance} is called (by a test, by {@code sleep}, or by the server while the
 * learner is active), so every run of a lab replays identically.
 */
public final class VirtualClock {

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Observer> observers = new ArrayList<>();
    /**
     * Time is kept as nanoseconds since the clock's start, and {@link #now} made from it only when
     * asked: an idle cluster schedules and fires dozens of timers per virtual second, most of which
     * never read the time, and each used to cost an {@link Instant}.
     */
    private final Instant origin;
    private long nowNanos;
    private Instant now;
    private long sequence;
    private int timersPerSecond = Integer.MAX_VALUE;
    private long budgetSecond = Long.MIN_VALUE;
    private int firedThisSecond;

    public VirtualClock(Instant start) {
        this.origin = Objects.requireNonNull(start, "start");
        this.now = start;
    }

    public Instant now() {
        if (now == null) {
            now = origin.plusNanos(nowNanos);
        }
        return now;
    }

    private void moveTo(long nanos) {
        if (nanos != nowNanos) {
            nowNanos = nanos;
            now = null;
        }
    }

    private Instant instant(long nanos) {
        return nanos == nowNanos ? now() : origin.plusNanos(nanos);
    }

    /**
     * Moves time forward, firing each due timer at its own instant, in order of due time and
     * then of scheduling. A timer may schedule further timers; those fire too if they fall due.
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + by);
        }
        long until = Math.addExact(nowNanos, by.toNanos());
        while (!timers.isEmpty() && timers.peek().due <= until) {
            Timer next = timers.poll();
            moveTo(next.due);
            if (!next.cancelled) {
                charge();
                next.task.run();
                notifyObservers();
            }
        }
        if (until > nowNanos) {
            moveTo(until);
        }
        notifyObservers();
    }

    /**
     * Bounds the work of the sandbox's event loop (SandboxLimits' timersPerSecond): past this many
     * timers in one second of virtual time, something schedules itself without waiting, and
     * {@link #advance} stops with {@link EventLoopOverrun} instead of holding a server thread for
     * ever. Counted per second of virtual time, not per call, so that a replay stops at the same timer.
     */
    public void limitTimersPerSecond(int limit) {
        this.timersPerSecond = limit;
    }

    private void charge() {
        long second = origin.getEpochSecond() + Math.floorDiv(origin.getNano() + nowNanos, 1_000_000_000L);
        if (second != budgetSecond) {
            budgetSecond = second;
            firedThisSecond = 0;
        }
        if (++firedThisSecond > timersPerSecond) {
            throw new EventLoopOverrun(timersPerSecond, now());
        }
    }

    /**
     * Calls {@code observer} after every timer that fires and at the end of every advance, until
     * cancelled: how a command that follows something ({@code docker logs -f}) sees it change as
     * time passes, without a timer of its own that would keep the clock busy.
     */
    public Observation observe(Observer observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return new Registration(this, observer);
    }

    /**
     * A named class, not a lambda: the observer it cancels usually holds it (a command keeps its
     * registration), and a checkpoint restores such a cycle only through an object made before its fields.
     */
    private static final class Registration implements Observation {
        private final VirtualClock clock;
        private final Observer observer;

        private Registration(VirtualClock clock, Observer observer) {
            this.clock = clock;
            this.observer = observer;
        }

        @Override
        public void cancel() {
            clock.observers.remove(observer);
        }
    }

    private void notifyObservers() {
        if (observers.isEmpty()) {
            return;
        }
        for (Observer observer : List.copyOf(observers)) {
            if (observers.contains(observer)) {
                observer.run();
            }
        }
    }

    /**
     * What a running command calls as time passes. Serializable, like {@link Task}: a command that
     * is still running when a checkpoint is taken (an open {@code docker exec -it}) keeps its observer.
     */
    @FunctionalInterface
    public interface Observer extends Runnable, java.io.Serializable {
    }

    /** An observer's registration. */
    @FunctionalInterface
    public interface Observation extends java.io.Serializable {
        void cancel();
    }

    /** When the next timer that has not been cancelled falls due, if any: how far a waiter may skip ahead. */
    public java.util.Optional<Instant> nextDue() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(timers.peek().due());
    }

    /**
     * What a timer runs. Serializable, so that a pending timer is data a checkpoint can hold: a
     * lambda written for it keeps the method it calls and the values it captured, nothing more.
     */
    @FunctionalInterface
    public interface Task extends Runnable, java.io.Serializable {
    }

    /** Runs {@code task} once, {@code delay} from now. */
    public Timer schedule(Duration delay, Task task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        Timer timer = new Timer(this, Math.addExact(nowNanos, delay.toNanos()), sequence++, Objects.requireNonNull(task, "task"));
        timers.add(timer);
        return timer;
    }

    /** A scheduled task; cancel it to stop it from running. */
    public static final class Timer implements Comparable<Timer> {

        private final VirtualClock clock;
        /** Nanoseconds since the clock's start. */
        private final long due;
        private final long order;
        private final Task task;
        private boolean cancelled;

        private Timer(VirtualClock clock, long due, long order, Task task) {
            this.clock = clock;
            this.due = due;
            this.order = order;
            this.task = task;
        }

        public Instant due() {
            return clock.instant(due);
        }

        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(due, other.due);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
