package org.laymanlabs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laymanlabs.bench.app.LoadDriver;

/**
 * The benchmark harness (issue 11): measures every figure, then writes the table of medians and
 * 99th percentiles, the machine and the date into docs/performance.md, between its two marker
 * lines (the prose around them is written by hand). Run by {@code ./mvnw -Pbench -pl benchmarks
 * -am verify -DskipTests}; {@code --smoke} measures everything once at a tiny size, as the test
 * suite does, and writes nothing unless a file is named.
 */
public final class PerformanceReport {

    static final String BEGIN = "<!-- benchmarks:begin (written by PerformanceReport; edits between these lines are lost) -->";
    static final String END = "<!-- benchmarks:end -->";

    /** One part of the table, with the load average before and after it was measured. */
    record Section(String title, double loadBefore, double loadAfter, List<Figure> figures, String notes) {
    }

    private final Sizes sizes;
    private final Optional<Path> page;
    private final Instant started = Instant.now();
    private final List<Section> sections = new ArrayList<>();

    /** @param page where to write the figures after each section, so that a long run that stops keeps the parts it finished */
    PerformanceReport(Sizes sizes, Optional<Path> page) {
        this.sizes = sizes;
        this.page = page;
    }

    @FunctionalInterface
    private interface Measurement {
        List<Figure> measure(StringBuilder notes) throws Exception;
    }

    private void section(String title, Measurement measurement) throws Exception {
        double before = Machine.load();
        System.out.printf("%n== %s (load %.1f)%n", title, before);
        StringBuilder notes = new StringBuilder();
        List<Figure> figures = measurement.measure(notes);
        figures.forEach(f -> System.out.println(f.row()));
        sections.add(new Section(title, before, Machine.load(), figures, notes.toString()));
        if (page.isPresent()) {
            Files.writeString(page.get(), rewrite(Files.readString(page.get()), markdown(started)));
        }
    }

    List<Section> run() throws Exception {
        Sampler sampler = new Sampler(sizes.warmups(), sizes.samples());
        section("Netfilter (JMH, sample time)", notes -> ScaleFigures.netfilter(sizes.services(), sizes.jmhForks(),
                sizes.jmhIterations(), sizes.jmhTime()));
        section("Warming up: the JIT of a long-running server", notes -> JitWarmUp.rounds(sizes.jitRounds()));
        section("A sandbox", notes -> SandboxFigures.creation(sampler));
        section("An idle cluster", notes -> SandboxFigures.idleMinute(sampler));
        section("Commands at the prompt", notes -> CommandFigures.all(sampler));
        section("Convergence", notes -> {
            List<Figure> figures = new ArrayList<>();
            for (int replicas : sizes.replicas()) {
                figures.addAll(SandboxFigures.convergence(sampler, replicas));
            }
            return figures;
        });
        section("Snapshots and grading (backend)", notes -> {
            List<Figure> figures = new ArrayList<>();
            for (int minutes : sizes.activeMinutes()) {
                figures.addAll(BackendFigures.snapshots(sampler, minutes));
            }
            figures.add(BackendFigures.grading(sampler));
            return figures;
        });
        section("Scale", notes -> ScaleFigures.scheduling(new Sampler(Math.min(1, sizes.warmups()), sizes.schedulerShots()),
                sizes.schedulerNodes(), sizes.schedulerReplicaSets()));
        section("Idle sandboxes", notes -> List.of(SandboxFigures.retainedPerIdleSandbox(sizes.idleSandboxes())));
        section("A noisy neighbour", notes -> NoisyNeighbourFigures.measure(sizes.samples() > 1 ? 12 : 1));
        section("The whole app: learners over HTTP", this::learners);
        return sections;
    }

    /** Adds learners step by step until a step's p99 passes 100 ms or a command fails. */
    private List<Figure> learners(StringBuilder notes) throws Exception {
        notes.append("The app runs in a JVM of its own (4 GB heap) beside the driver. Learner accounts are seeded with one"
                + " bcrypt hash at bcrypt's lowest cost, since sign-up is not what is measured (sign-in is the real form"
                + " login); each learner's sandbox is built before the step's window. A line's latency runs from when it"
                + " was due to the whole response.\n\n");
        notes.append("| learners | commands | median | p99 | errors | app CPU still / working / a command | driver CPU"
                + " | load average |\n|---|---|---|---|---|---|---|---|\n");
        int served = 0;
        Figure headline;
        try (LoadDriver driver = new LoadDriver(sizes.learners().get(sizes.learners().size() - 1))) {
            for (int count : sizes.learners()) {
                LoadDriver.Step step = driver.step(count, sizes.learnerInterval(), sizes.learnerWindow());
                Samples latency = new Samples(step.latencyMillis().length == 0 ? new double[] {Double.NaN} : step.latencyMillis());
                notes.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f ms | %.1f ms | %d%s | %.2f / %.2f cores / %.1f ms"
                        + " | %.2f cores | %.1f |%n", count, step.latencyMillis().length, latency.median(), latency.p99(),
                        step.errors(), step.firstError().isEmpty() ? "" : " (" + step.firstError().lines().findFirst().orElse("") + ")",
                        step.appIdleCores(), step.appCores(), step.appCpuMillisPerCommand(), step.driverCores(), Machine.load()));
                if (!step.served(100)) {
                    break;
                }
                served = count;
            }
        }
        headline = new Figure("Learners one machine serves, a command each every " + sizes.learnerInterval().toMillis() / 1000.0
                + " s, p99 ≤ 100 ms, no errors", served, served, "learners", Double.NaN, 1, Optional.empty())
                .atLeast(1_000);
        return List.of(headline);
    }

    String markdown(Instant date) {
        StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
        md.append("Measured from ").append(date.truncatedTo(ChronoUnit.MINUTES)).append(" on ").append(Machine.describe())
                .append(".\n\n");
        for (Section section : sections) {
            md.append(String.format(Locale.ROOT, "### %s%n%nLoad average %.1f before, %.1f after.%n%n", section.title(),
                    section.loadBefore(), section.loadAfter()));
            md.append("| figure | median | p99 | CPU (median) | samples | goal | |\n|---|---|---|---|---|---|---|\n");
            section.figures().forEach(f -> md.append(f.row()).append('\n'));
            if (!section.notes().isEmpty()) {
                md.append('\n').append(section.notes());
            }
            md.append('\n');
        }
        return md.append(END).toString();
    }

    /** The page with the text between the markers replaced (or appended, the first time). */
    static String rewrite(String page, String generated) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            return page + "\n" + generated + "\n";
        }
        return page.substring(0, begin) + generated + page.substring(end + END.length());
    }

    /** {@code PerformanceReport [--smoke] [docs/performance.md]} */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean smoke = rest.remove("--smoke");
        Optional<Path> page = rest.isEmpty() ? (smoke ? Optional.empty() : Optional.of(Path.of("docs/performance.md")))
                : Optional.of(Path.of(rest.get(0)));
        PerformanceReport report = new PerformanceReport(smoke ? Sizes.SMOKE : Sizes.PUBLISHED, page);
        report.run();
        System.out.println(page.map(p -> "\nWrote " + p).orElseGet(() -> report.markdown(report.started)));
        System.exit(0); // JMH and the app leave non-daemon threads behind
    }
}
