package org.laymanlabs.bench.app;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crowd at work for one step: every learner types a line every {@code interval}, open loop
 * (the next line goes at its time whether or not the last was answered, as people at their own
 * keyboards do), each learner at a phase of their own and each line up to a tenth of the interval
 * early or late, so that the lines do not arrive in lock step. The first {@code settle} rounds
 * are not measured (the new learners' first real commands, the JIT); the next {@code rounds}
 * are. A line's latency runs from the moment it was due, not the moment the driver got round to
 * sending it, so that a driver falling behind shows in the figure instead of hiding it.
 */
final class CommandWindow {

    private static final List<String> LINES = List.of("kubectl get pods", "docker ps", "ls -la", "kubectl get nodes");
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(60);

    /** What one window measured: latencies of its measured lines, every failed line, and how late the driver sent. */
    record Outcome(double[] latencyMillis, int errors, String firstError, long worstSendLagNanos) {
    }

    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong worstLag = new AtomicLong();
    private final List<CompletableFuture<?>> answers = new ArrayList<>();

    static Outcome run(List<Learner> learners, Duration interval, int settle, int rounds, long seed) throws InterruptedException {
        return new CommandWindow().measure(learners, interval.toNanos(), settle, rounds, new SplittableRandom(seed));
    }

    private Outcome measure(List<Learner> learners, long interval, int settle, int rounds, SplittableRandom random)
            throws InterruptedException {
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "load-sender"));
        CountDownLatch sent = new CountDownLatch(learners.size() * (settle + rounds));
        long start = System.nanoTime() + 100_000_000L; // time for this loop to schedule every line
        try {
            for (int i = 0; i < learners.size(); i++) {
                Learner learner = learners.get(i);
                long phase = random.nextLong(interval);
                for (int round = 0; round < settle + rounds; round++) {
                    long due = start + phase + round * interval + random.nextLong(-interval / 10, interval / 10 + 1);
                    String line = LINES.get((i + round) % LINES.size());
                    boolean measured = round >= settle;
                    sender.schedule(() -> {
                        send(learner, line, due, measured);
                        sent.countDown();
                    }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            }
            sent.await();
        } finally {
            sender.shutdownNow();
        }
        CompletableFuture<Void> all;
        synchronized (answers) {
            all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
        }
        try {
            all.get(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            long unanswered;
            synchronized (answers) {
                unanswered = answers.stream().filter(a -> !a.isDone()).count();
            }
            errors.addAndGet((int) unanswered);
            errorTexts.add(unanswered + " lines unanswered after " + ANSWER_LIMIT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e); // each answer handles its own failure
        }
        return new Outcome(latencies.stream().mapToDouble(Double::doubleValue).toArray(), errors.get(),
                errorTexts.isEmpty() ? "" : errorTexts.peek(), worstLag.get());
    }

    private void send(Learner learner, String line, long due, boolean measured) {
        worstLag.accumulateAndGet(System.nanoTime() - due, Math::max);
        CompletableFuture<HttpResponse<String>> answer = learner.run(line);
        synchronized (answers) {
            answers.add(answer.handle((response, failure) -> {
                record(response, failure, due, measured);
                return null;
            }));
        }
    }

    private void record(HttpResponse<String> response, Throwable failure, long due, boolean measured) {
        if (measured) {
            latencies.add((System.nanoTime() - due) / 1e6);
        }
        if (failure != null || response.statusCode() != 200) {
            errors.incrementAndGet();
            errorTexts.add(failure != null ? failure.toString() : "HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
