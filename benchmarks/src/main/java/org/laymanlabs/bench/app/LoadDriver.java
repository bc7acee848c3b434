package org.laymanlabs.bench.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app under N learners (issue 11): each learner, signed in as a browser is, sends one
 * terminal line every {@code interval} through the REST API's command endpoint, the learners'
 * lines spread evenly over the interval. Each step adds learners and measures every command's
 * latency, from sending the request to reading the whole response, over a window of time. The
 * app runs in this JVM on a real Tomcat, so the driver's own work shares the machine with it, as
 * a reverse proxy's would.
 */
public final class LoadDriver implements AutoCloseable {

    /** One step's outcome: the learners, every command's latency in ms, and the failed commands. */
    public record Step(int learners, double[] latencyMillis, int errors, String firstError) {

        public double p99() {
            double[] sorted = latencyMillis.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
        }

        public boolean served(double p99LimitMillis) {
            return errors == 0 && latencyMillis.length > 0 && p99() <= p99LimitMillis;
        }
    }

    private static final List<String> LINES = List.of("kubectl get pods", "docker ps", "ls -la", "kubectl get nodes");
    private static final String LAB = "images-and-containers";

    private final ConfigurableApplicationContext app;
    private final ExecutorService responses = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().executor(responses)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final List<Learner> learners = new ArrayList<>();

    public LoadDriver() throws Exception {
        this.app = BackendApp.start(Files.createTempDirectory("layman-load"));
        this.base = URI.create("http://127.0.0.1:" + BackendApp.port(app));
    }

    /**
     * Grows the crowd to {@code count} learners (signing up, signing in, starting the lab and
     * running a first command, none of it measured), then measures {@code window} of their work.
     */
    public Step step(int count, Duration interval, Duration window) throws Exception {
        while (learners.size() < count) {
            Learner learner = new Learner(http, base);
            learner.signUpAndStart("learner" + learners.size(), "a long enough password", LAB);
            // Unmeasured: the first command makes the sandbox, which a busy machine can stretch to minutes.
            HttpResponse<String> first = learner.run("echo ready").get(10, TimeUnit.MINUTES);
            if (first.statusCode() != 200) {
                throw new IllegalStateException("first command: HTTP " + first.statusCode() + " " + first.body());
            }
            learners.add(learner);
        }
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = interval.toNanos();
        int rounds = (int) Math.max(1, window.toNanos() / intervalNanos);
        for (int i = 0; i < count; i++) {
            Learner learner = learners.get(i);
            long offset = intervalNanos * i / count;
            for (int round = 0; round < rounds; round++) {
                String line = LINES.get((i + round) % LINES.size());
                sender.schedule(() -> {
                    long start = System.nanoTime();
                    sent.add(learner.run(line).whenComplete((response, failure) -> {
                        latencies.add((System.nanoTime() - start) / 1e6);
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                            errorTexts.add(failure != null ? failure.toString() : "HTTP " + response.statusCode() + " " + response.body());
                        }
                    }));
                }, offset + round * intervalNanos, TimeUnit.NANOSECONDS);
            }
        }
        sender.shutdown();
        sender.awaitTermination(window.toSeconds() + interval.toSeconds() + 60, TimeUnit.SECONDS);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(120, TimeUnit.SECONDS);
        return new Step(count, latencies.stream().mapToDouble(Double::doubleValue).toArray(), errors.get(),
                errorTexts.isEmpty() ? "" : errorTexts.peek());
    }

    @Override
    public void close() {
        app.close();
        responses.shutdownNow();
    }
}
