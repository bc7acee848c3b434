package org.laymanlabs.bench.app;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole app under N learners (issue 11): each learner, signed in as a browser is, sends one
 * terminal line every {@code interval} through the REST API's command endpoint ({@link
 * CommandWindow}). Each step adds learners, then measures every command's latency over a window.
 * The app runs in a JVM of its own ({@link AppProcess}) on a real Tomcat; the driver shares the
 * machine's cores with it, as a reverse proxy would, and each step reports both JVMs' CPU so
 * that a driver that became the bottleneck would show.
 */
public final class LoadDriver implements AutoCloseable {

    /**
     * One step's outcome: the learners, every measured command's latency in ms, the failed commands,
     * the app's CPU while its learners sat still and while they worked, and the driver's while they
     * worked (in cores: 1.0 is one core busy), the app's CPU per command (its idle cost included),
     * and how late the driver sent its worst line.
     */
    public record Step(int learners, double[] latencyMillis, int errors, String firstError, double appIdleCores,
                       double appCores, double driverCores, double appCpuMillisPerCommand, double worstSendLagMillis,
                       Duration growth) {

        public double median() {
            return percentile(0.50);
        }

        public double p99() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            double[] sorted = latencyMillis.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }

        public boolean served(double p99LimitMillis) {
            return errors == 0 && latencyMillis.length > 0 && p99() <= p99LimitMillis;
        }

        /** One line for the console: what a reader needs to judge the step, the driver's health included. */
        public String summary() {
            return String.format(Locale.ROOT, "%,d learners: %,d commands, median %.1f ms, p99 %.1f ms, %d errors%s; "
                    + "app CPU %.2f cores idle, %.2f cores working (%.1f ms a command), driver CPU %.2f cores, "
                    + "worst send lag %.1f ms; grown in %d s",
                    learners, latencyMillis.length, median(), p99(), errors,
                    firstError.isEmpty() ? "" : " (" + firstError.lines().findFirst().orElse("") + ")",
                    appIdleCores, appCores, appCpuMillisPerCommand, driverCores, worstSendLagMillis, growth.toSeconds());
        }
    }

    /**
     * Lab 1 unless {@code -Dlayman.load.lab} names another: a laptop with Docker and no cluster, so
     * its {@code kubectl} lines get the laptop's "connection refused". A lab with a cluster (e.g.
     * {@code pods-and-pause}, lab 5) is the heavier case: each sandbox then runs three nodes.
     */
    static final String LAB = System.getProperty("layman.load.lab", "images-and-containers");
    private static final String PASSWORD = "a long enough password";
    /** Learners signing in and getting their sandbox at once: enough to keep the app's sandbox threads busy. */
    private static final int JOINING = 8;
    /** The accounts a driver made without saying how many learners it will need: more than any published step. */
    static final int ACCOUNTS = 5_000;
    /** How long the app's CPU is watched with every learner still, before each step's commands. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** The rounds of every step that warm up and are not measured. */
    private static final int SETTLE_ROUNDS = 1;

    private final ExecutorService responses = Executors.newFixedThreadPool(2, daemon("load-http-"));
    private final HttpClient http = HttpClient.newBuilder().executor(responses)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final AppProcess app;
    private final URI base;
    private final List<Learner> learners = new ArrayList<>();
    private final int accounts;

    /** Starts the app with accounts for up to {@value #ACCOUNTS} learners. */
    public LoadDriver() throws Exception {
        this(ACCOUNTS);
    }

    /** Starts the app with accounts for up to {@code maxLearners} learners. */
    public LoadDriver(int maxLearners) throws Exception {
        this.accounts = maxLearners;
        this.app = new AppProcess(maxLearners, PASSWORD);
        this.base = URI.create("http://127.0.0.1:" + app.port());
        System.out.printf("The app under test: pid %d, log %s%n", app.pid(), app.log());
    }

    /**
     * Grows the crowd to {@code count} learners (signing in, starting the lab and running a first
     * command, which builds the sandbox, none of it measured), then lets all of them work for one
     * unmeasured round and {@code window} measured ones.
     */
    public Step step(int count, Duration interval, Duration window) throws Exception {
        long growing = System.nanoTime();
        grow(count);
        Duration growth = Duration.ofNanos(System.nanoTime() - growing);
        int rounds = (int) Math.max(1, window.toNanos() / interval.toNanos());
        long idleStart = app.cpuNanos();
        long idleFrom = System.nanoTime();
        Thread.sleep(QUIET.toMillis());
        double appIdle = (app.cpuNanos() - idleStart) / (double) (System.nanoTime() - idleFrom);
        long appBefore = app.cpuNanos();
        long driverBefore = driverCpuNanos();
        long before = System.nanoTime();
        CommandWindow.Outcome outcome = CommandWindow.run(learners, interval, SETTLE_ROUNDS, rounds, count);
        double elapsed = System.nanoTime() - before;
        long appCpu = app.cpuNanos() - appBefore;
        Step step = new Step(count, outcome.latencyMillis(), outcome.errors(), outcome.firstError(), appIdle,
                appCpu / elapsed, (driverCpuNanos() - driverBefore) / elapsed,
                appCpu / 1e6 / ((long) count * (SETTLE_ROUNDS + rounds)), outcome.worstSendLagNanos() / 1e6, growth);
        System.out.println(step.summary());
        return step;
    }

    /** Signs new learners in and builds their sandboxes, {@value #JOINING} at a time. */
    private void grow(int count) throws Exception {
        if (count > accounts) {
            throw new IllegalArgumentException(count + " learners, but the app has accounts for " + accounts);
        }
        ExecutorService joining = Executors.newFixedThreadPool(JOINING, daemon("load-join-"));
        try {
            List<Future<Learner>> joined = new ArrayList<>();
            for (int i = learners.size(); i < count; i++) {
                int index = i;
                joined.add(joining.submit(() -> join(index)));
            }
            for (Future<Learner> learner : joined) {
                learners.add(learner.get(10, TimeUnit.MINUTES));
            }
        } finally {
            joining.shutdownNow();
        }
    }

    private Learner join(int index) throws Exception {
        Learner learner = new Learner(http, base);
        learner.signInAndStart("learner" + index, PASSWORD, LAB);
        HttpResponse<String> first = learner.run("echo ready").get(10, TimeUnit.MINUTES);
        if (first.statusCode() != 200) {
            throw new IllegalStateException("first command: HTTP " + first.statusCode() + " " + first.body());
        }
        return learner;
    }

    /** This JVM's CPU time: the driver's threads, its HTTP client and its garbage collection. */
    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * {@code LoadDriver [LEARNERS,...] [INTERVAL_S] [WINDOW_S]}: one ramp by hand, without the
     * rest of the harness (50,100,200,400 learners, a line every 10 s, 30 s measured, by default).
     * Runs every step, also after one that misses p99 ≤ 100 ms, so that a busy machine's ramp still
     * shows how the app's CPU grows with its learners (for profiling the app under load).
     */
    public static void main(String[] args) throws Exception {
        List<Integer> steps = Arrays.stream((args.length > 0 ? args[0] : "50,100,200,400").split(","))
                .map(Integer::valueOf).toList();
        Duration interval = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration window = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        try (LoadDriver driver = new LoadDriver(steps.get(steps.size() - 1))) {
            for (int count : steps) {
                driver.step(count, interval, window);
            }
        }
        System.exit(0);
    }

    @Override
    public void close() {
        app.close();
        responses.shutdownNow();
    }
}
