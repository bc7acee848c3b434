package org.laymanlabs.bench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The app under test in a JVM of its own, started from this JVM's class path, as a server runs:
 * its heap is its own ({@code -Xmx}, {@value #HEAP} unless {@code -Dlayman.load.heap} says
 * otherwise), and its CPU time can be told apart from the load driver's. Extra JVM options for
 * profiling it go in {@code -Dlayman.load.jvm-args}, e.g.
 * {@code -XX:StartFlightRecording=settings=profile,filename=app.jfr}. Its output goes to
 * {@code app.log} in its data folder.
 */
final class AppProcess implements AutoCloseable {

    static final String HEAP = "4g";

    private final Path dataDir;
    private final Process process;
    private final int port;

    AppProcess(int learners, String password) throws IOException, InterruptedException {
        this.dataDir = Files.createTempDirectory("layman-load");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("layman.load.heap", HEAP),
                // As the app's jar manifest gives it: evicted sandboxes are saved with checkpoints.
                "--add-opens=java.base/java.util=ALL-UNNAMED"));
        String extra = System.getProperty("layman.load.jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // Surefire runs tests from a manifest-only jar and names the real class path in its own property.
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                BackendApp.class.getName(), dataDir.toString(), Integer.toString(learners), password));
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile()).start();
        this.port = awaitPort(Duration.ofMinutes(10));
    }

    private int awaitPort(Duration limit) throws IOException, InterruptedException {
        Path file = dataDir.resolve("port");
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the app did not start; its output:\n" + tail());
            }
            Thread.sleep(200);
        }
        return Integer.parseInt(Files.readString(file).strip());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("app.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return dataDir.resolve("app.log");
    }

    /** The CPU time the app's JVM has used so far, every thread of it (GC and JIT included), in ns. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this system does not report a process's CPU time"));
    }

    /** Stops the app (a clean stop first, so that a flight recording is written) and removes its data. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.getFileName().toString().endsWith(".jfr"))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
