package org.laymanlabs.backend.kubeapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl, pointed at the Kubernetes API as a learner points it: the kubeconfig they
 * download, in a HOME of its own (so its discovery cache starts empty).
 */
final class Kubectl {

    /** What one kubectl command printed and its exit status. */
    record Run(String stdout, String stderr, int exitCode) {
    }

    private final Path executable;
    private final Path home;

    private Kubectl(Path executable, Path home) {
        this.executable = executable;
        this.home = home;
    }

    /** The kubectl on PATH, if this machine has one. */
    static Optional<Path> find() {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream().filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    static Kubectl configured(Path executable, Path home, String kubeconfig) throws IOException {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube").resolve("config"), kubeconfig);
        return new Kubectl(executable, home);
    }

    Path home() {
        return home;
    }

    Run run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish within 90s");
        }
        return new Run(out.join(), err.join(), process.exitValue());
    }

    /** A kubectl that keeps running (get -w), for the test to read and then end. */
    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("KUBECONFIG");
        return builder.start();
    }

    /** The next {@code count} lines a running kubectl prints. */
    static List<String> lines(Process process, int count) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        while (lines.size() < count) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
