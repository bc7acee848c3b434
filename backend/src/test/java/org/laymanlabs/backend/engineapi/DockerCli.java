package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real docker CLI, pointed at the Engine API as a learner points it: DOCKER_HOST, and a
 * config.json whose HttpHeaders carry the sandbox's token (docs/use-your-own-docker-cli.md).
 */
final class DockerCli {

    /** What one docker command printed and its exit status. */
    record Run(String stdout, String stderr, int exitCode) {
    }

    private final Path executable;
    private final String host;
    private final Path config;

    private DockerCli(Path executable, String host, Path config) {
        this.executable = executable;
        this.host = host;
        this.config = config;
    }

    /** The docker on PATH (or /usr/local/bin/docker), if this machine has one. */
    static Optional<Path> find() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/local/bin");
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "docker")).filter(Files::isExecutable).findFirst();
    }

    static DockerCli configured(Path executable, String host, Path configDir, String token, String sandboxId)
            throws IOException {
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("config.json"), """
                {"HttpHeaders": {"Authorization": "Bearer %s", "X-Layman-Sandbox": "%s"}}
                """.formatted(token, sandboxId));
        return new DockerCli(executable, host, configDir);
    }

    Run run(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().put("DOCKER_HOST", host);
        builder.environment().put("DOCKER_CONFIG", config.toString());
        builder.environment().put("DOCKER_BUILDKIT", "0");
        builder.environment().remove("DOCKER_CONTEXT");
        builder.environment().remove("DOCKER_API_VERSION");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not finish within 60s");
        }
        return new Run(out.join(), err.join(), process.exitValue());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
